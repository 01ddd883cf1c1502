import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';

/** `$default` route: every path no other route serves is a 404 problem. */
export const handler = httpHandler({}, async ({ event }) => {
  throw new NotFoundError(
    `No route for ${event.requestContext.http.method} ${event.rawPath}`,
    'route_not_found',
  );
});
