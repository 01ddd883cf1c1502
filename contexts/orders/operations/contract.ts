import { z } from 'zod';
import { orderPageSchema, orderSchema } from '#contexts/orders/domain/schemas.ts';
import { adminOrdersQuery, myOrdersQuery, orderPath } from '#contexts/orders/operations/queries.ts';
import { defineOperations } from '#platform/contract/operation.ts';

/** The proof of a guest order; a customer's order is proved by the customer's token instead. */
const orderToken = z.object({
  'x-order-token': z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The token the checkout answered with for a guest order' }),
});

const order = {
  200: { description: 'The order as it was paid for, with its status history', schema: orderSchema },
};
const snapshot =
  'Lines, prices, discounts, tax, shipping and address are a snapshot taken at checkout: they never change.';

/** Orders: the shopper's own, and the back office's filtered list. */
export const orderOperations = defineOperations([
  {
    route: 'GET /orders/{orderId}',
    operationId: 'getOrder',
    summary: 'One order, for its owner',
    description:
      `${snapshot} A customer’s order answers only to that customer’s token; a guest order only to its ` +
      '`X-Order-Token`. Any other caller gets 404, as if the order did not exist.',
    tags: ['orders'],
    request: { path: orderPath, headers: orderToken },
    responses: order,
    problems: { 404: ['order_not_found'] },
  },
  {
    route: 'GET /me/orders',
    operationId: 'listMyOrders',
    summary: 'One page of the caller’s orders, newest first',
    description:
      'Every status, so a declined or expired checkout shows too. Pass `nextCursor` back as `cursor`.',
    tags: ['orders', 'customers'],
    request: { query: myOrdersQuery },
    responses: { 200: { description: 'A page of orders', schema: orderPageSchema } },
    problems: { 400: ['invalid_cursor'] },
  },
  {
    route: 'GET /admin/orders',
    operationId: 'adminListOrders',
    summary: 'One page of orders, newest first, filtered',
    description:
      'Filters combine: `status`, `from` (inclusive) / `to` (exclusive) on the creation time, `customerId`. ' +
      'A cursor is bound to the filters it was made with. A page may be shorter than `limit` when a ' +
      'customer filter is combined with a status.',
    tags: ['orders', 'admin'],
    request: { query: adminOrdersQuery },
    responses: { 200: { description: 'A page of orders', schema: orderPageSchema } },
    problems: { 400: ['invalid_cursor'] },
  },
  {
    route: 'GET /admin/orders/{orderId}',
    operationId: 'adminGetOrder',
    summary: 'Any order, with its status history',
    description: snapshot,
    tags: ['orders', 'admin'],
    request: { path: orderPath },
    responses: order,
    problems: { 404: ['order_not_found'] },
  },
]);
