import { json } from '#platform/http/response.ts';
import { myOrdersQuery } from '../domain/queries.ts';
import { orderPageSchema } from '../domain/schemas.ts';
import { orderOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /me/orders: one page of the caller's orders, newest first (one Query on gsi1). */
export const listMyOrders = orderOperation({
  route: 'GET /me/orders',
  access: 'customer',
  operationId: 'listMyOrders',
  summary: 'One page of the caller’s orders, newest first',
  description:
    'Every status, so a declined or expired checkout shows too. Pass `nextCursor` back as `cursor`.',
  tags: ['orders', 'customers'],
  request: { query: myOrdersQuery },
  responses: { 200: { description: 'A page of orders', schema: orderPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query, caller }, { orders }) =>
    json(200, await orders.listForCustomer(caller.sub, query.limit, query.cursor), noStore),
});
