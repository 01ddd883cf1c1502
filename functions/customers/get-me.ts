import { UnauthorizedError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { callerOf } from '#shared/http/identity.ts';
import { json } from '#shared/http/response.ts';

/** GET /me: the signed-in caller as the token describes them. */
export const handler = httpHandler({}, async ({ event }) => {
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  return json(
    200,
    { customerId: caller.sub, email: caller.email ?? null, groups: caller.groups },
    { 'cache-control': 'no-store' },
  );
});
