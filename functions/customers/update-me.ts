import { requireEnv } from '#shared/config.ts';
import { CustomerRepository } from '#shared/customers/customer-repository.ts';
import { customerOf } from '#shared/customers/request.ts';
import { updateProfileInput } from '#shared/customers/schemas.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** PATCH /me: changes the caller's profile if `version` is current (409 `version_conflict` if not). */
export const handler = httpHandler({ bodyLimitBytes: 4 * 1024 }, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const input = jsonBody(event, updateProfileInput);
  const profile = await customers.updateProfile(customerId, input, email);
  return json(200, profile, { 'cache-control': 'no-store' });
});
