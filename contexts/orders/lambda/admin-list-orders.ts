import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { adminOrdersQuery } from '#contexts/orders/operations/queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/orders: one page filtered by status, date range and customer, newest first (index Queries). */
export const handler = httpHandler({ query: adminOrdersQuery }, async ({ query }) => {
  const page = await orders.listForAdmin(query);
  return json(200, page, { 'cache-control': 'no-store' });
});
