import { json } from '#platform/http/response.ts';
import { adminOrdersQuery } from '../domain/queries.ts';
import { orderPageSchema } from '../domain/schemas.ts';
import { orderOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/**
 * GET /admin/orders: one page filtered by status, date range and customer (index Queries) and by payment
 * and fulfillment status (filters over what those read), newest first.
 */
export const adminListOrders = orderOperation({
  route: 'GET /admin/orders',
  access: 'admin',
  operationId: 'adminListOrders',
  summary: 'One page of orders, newest first, filtered',
  description:
    'Filters combine: `status`, `from` (inclusive) / `to` (exclusive) on the creation time, `customerId`, ' +
    '`paymentStatus`, `fulfillmentStatus` and `channelId` (the sales channel; the status facets kept apart from `status`: an order can be `paid`, ' +
    '`partially_refunded` and `partially_fulfilled` at once). Orders awaiting payment (`pending_payment`, ' +
    'payment status `pending`) are listed per customer only: `status=pending_payment` or ' +
    '`paymentStatus=pending` without `customerId` is 400 `validation_failed`, and the list without a ' +
    'status shows every other status. A cursor is bound to the filters it was made with. A page may be ' +
    'shorter than `limit`, even empty, while `nextCursor` is set, when `paymentStatus`, ' +
    '`fulfillmentStatus`, `channelId`, or a status with a customer, filters out most of what it reads: follow ' +
    '`nextCursor` until it is null.',
  tags: ['orders', 'admin'],
  request: { query: adminOrdersQuery },
  responses: { 200: { description: 'A page of orders', schema: orderPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { orders }) => json(200, await orders.listForAdmin(query), noStore),
});
