import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { adminOrdersQuery } from '#shared/orders/inputs.ts';
import { OrderRepository } from '#shared/orders/repository.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/orders: one page filtered by status, date range and customer, newest first (index Queries). */
export const handler = httpHandler({ query: adminOrdersQuery }, async ({ query }) => {
  const page = await orders.listForAdmin(query);
  return json(200, page, { 'cache-control': 'no-store' });
});
