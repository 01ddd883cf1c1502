import { requireEnv } from '#shared/config.ts';
import { CustomerRepository } from '#shared/customers/customer-repository.ts';
import { customerOf } from '#shared/customers/request.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const customers = new CustomerRepository(requireEnv('TABLE_NAME'));

/** GET /me/addresses: every address of the caller (at most 20, so no pagination; one Query). */
export const handler = httpHandler({}, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const { addresses } = await customers.getOrCreate(customerId, email);
  return json(200, { items: addresses }, { 'cache-control': 'no-store' });
});
