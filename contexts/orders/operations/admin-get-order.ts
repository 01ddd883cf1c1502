import { json } from '#platform/http/response.ts';
import { orderView } from '../data/items.ts';
import { orderNotFound } from '../data/repository.ts';
import { orderPath } from '../domain/queries.ts';
import { orderOperation } from '../wiring.ts';
import { noStore, orderResponse, snapshotNote } from './responses.ts';

/** GET /admin/orders/{orderId}: any order, with its status history. */
export const adminGetOrder = orderOperation({
  route: 'GET /admin/orders/{orderId}',
  access: 'admin',
  operationId: 'adminGetOrder',
  summary: 'Any order, with its status history',
  description: snapshotNote,
  tags: ['orders', 'admin'],
  request: { path: orderPath },
  responses: orderResponse,
  problems: { 404: ['order_not_found'] },
  handle: async ({ path }, { orders, related }) => {
    const [order, records] = await Promise.all([orders.get(path.orderId), related(path.orderId)]);
    if (!order) throw orderNotFound(path.orderId);
    return json(200, orderView(order, records), noStore);
  },
});
