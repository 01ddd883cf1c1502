import { orderView } from '#contexts/orders/data/items.ts';
import { OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import { mayView } from '#contexts/orders/operations/access.ts';
import { orderPath } from '#contexts/orders/operations/queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'));

/** GET /orders/{orderId}: the owner's order (customer token, or a guest's X-Order-Token); else 404. */
export const handler = httpHandler({ path: orderPath }, async ({ path, event }) => {
  const order = await orders.get(path.orderId);
  // The same 404 whether the order is missing or someone else's: existence is never revealed.
  if (!order || !mayView(order, event)) throw orderNotFound(path.orderId);
  return json(200, orderView(order), { 'cache-control': 'no-store' });
});
