import { requireEnv } from '#shared/config.ts';
import { CustomerRepository } from '#shared/customers/customer-repository.ts';
import { customerOf } from '#shared/customers/request.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** GET /me: the caller's profile with every address (one Query), created on the first call. */
export const handler = httpHandler({}, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const customer = await customers.getOrCreate(customerId, email);
  return json(200, customer, { 'cache-control': 'no-store' });
});
