import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { orderPath } from '#shared/orders/inputs.ts';
import { orderView } from '#shared/orders/items.ts';
import { OrderRepository, orderNotFound } from '#shared/orders/repository.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'));

/** GET /admin/orders/{orderId}: any order, with its status history. */
export const handler = httpHandler({ path: orderPath }, async ({ path }) => {
  const order = await orders.get(path.orderId);
  if (!order) throw orderNotFound(path.orderId);
  return json(200, orderView(order), { 'cache-control': 'no-store' });
});
