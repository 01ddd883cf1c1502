import { json } from '#platform/http/response.ts';
import { orderView } from '../data/items.ts';
import { orderNotFound } from '../data/repository.ts';
import { orderPath } from '../domain/queries.ts';
import { orderOperation } from '../wiring.ts';
import { mayView } from './access.ts';
import { noStore, ORDER_TOKEN_HEADER, orderResponse, orderTokenHeaders, snapshotNote } from './responses.ts';

/** GET /orders/{orderId}: the owner's order (customer token, or a guest's X-Order-Token); else 404. */
export const getOrder = orderOperation({
  route: 'GET /orders/{orderId}',
  access: 'optional',
  operationId: 'getOrder',
  summary: 'One order, for its owner',
  description:
    `${snapshotNote} A customer’s order answers only to that customer’s token; a guest order only to its ` +
    '`X-Order-Token`. Any other caller gets 404, as if the order did not exist.',
  tags: ['orders'],
  request: { path: orderPath, headers: orderTokenHeaders },
  responses: orderResponse,
  problems: { 404: ['order_not_found'] },
  handle: async ({ path, caller, event }, { orders, related }) => {
    const [order, records] = await Promise.all([orders.get(path.orderId), related(path.orderId)]);
    // The same 404 whether the order is missing or someone else's: existence is never revealed.
    if (!order || !mayView(order, caller, event.headers[ORDER_TOKEN_HEADER]))
      throw orderNotFound(path.orderId);
    return json(200, orderView(order, records), noStore);
  },
});
