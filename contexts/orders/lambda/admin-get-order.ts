import { orderView } from '#contexts/orders/data/items.ts';
import { OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderPath } from '#contexts/orders/operations/queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'));

/** GET /admin/orders/{orderId}: any order, with its status history. */
export const handler = httpHandler({ path: orderPath }, async ({ path }) => {
  const order = await orders.get(path.orderId);
  if (!order) throw orderNotFound(path.orderId);
  return json(200, orderView(order), { 'cache-control': 'no-store' });
});
