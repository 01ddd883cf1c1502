import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { mayView } from '#shared/orders/access.ts';
import { orderPath } from '#shared/orders/inputs.ts';
import { orderView } from '#shared/orders/items.ts';
import { OrderRepository, orderNotFound } from '#shared/orders/repository.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'));

/** GET /orders/{orderId}: the owner's order (customer token, or a guest's X-Order-Token); else 404. */
export const handler = httpHandler({ path: orderPath }, async ({ path, event }) => {
  const order = await orders.get(path.orderId);
  // The same 404 whether the order is missing or someone else's: existence is never revealed.
  if (!order || !mayView(order, event)) throw orderNotFound(path.orderId);
  return json(200, orderView(order), { 'cache-control': 'no-store' });
});
