import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** GET /me/addresses: every address of the caller (at most 20, so no pagination; one Query). */
export const handler = httpHandler({}, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const { addresses } = await customers.getOrCreate(customerId, email);
  return json(200, { items: addresses }, { 'cache-control': 'no-store' });
});
