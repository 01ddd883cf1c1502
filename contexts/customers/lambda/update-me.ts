import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { updateProfileInput } from '#contexts/customers/domain/schemas.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** PATCH /me: changes the caller's profile if `version` is current (409 `version_conflict` if not). */
export const handler = httpHandler({ bodyLimitBytes: 4 * 1024 }, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const input = jsonBody(event, updateProfileInput);
  const profile = await customers.updateProfile(customerId, input, email);
  return json(200, profile, { 'cache-control': 'no-store' });
});
