import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** GET /me: the caller's profile with every address (one Query), created on the first call. */
export const handler = httpHandler({}, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const customer = await customers.getOrCreate(customerId, email);
  return json(200, customer, { 'cache-control': 'no-store' });
});
