import { z } from 'zod';
import { orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderPath } from '#contexts/orders/domain/queries.ts';
import { mayView } from '#contexts/orders/operations/access.ts';
import { ORDER_TOKEN_HEADER, orderTokenHeaders } from '#contexts/orders/operations/responses.ts';
import { idempotencyKey, replayedHeader, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { listReturns, receive, requestReturn } from '../data/returns.ts';
import { receiveRequest, returnRequest, returnSchema } from '../domain/returns.ts';
import { fulfillmentOperation } from '../wiring.ts';

const noStore = { 'cache-control': 'no-store' } as const;
const keyHeader = {
  'idempotency-key': idempotencyKey.meta({
    description: 'Required. Names this request: a retry with the same key answers the same result',
  }),
};
const created = { 201: { description: 'The return, requested', schema: returnSchema } };
const requestProblems = {
  400: ['idempotency_key_required'],
  404: ['order_not_found'],
  409: ['return_window_closed', 'fulfillment_conflict'],
  422: ['not_returnable', 'idempotency_key_reused'],
};
const describeRequest =
  'Shipped units of some lines, each with a reason code, within the return window after the order’s first ' +
  'shipment (`RETURN_WINDOW_DAYS`, 30 by default). Units not shipped, or returned already: 422 ' +
  '`not_returnable`. Emits `ReturnRequested`. The `Idempotency-Key` names the return. See docs/fulfillment.md#returns.';

/** POST /orders/{orderId}/returns: the owner returns shipped units. */
export const createReturn = fulfillmentOperation({
  route: 'POST /orders/{orderId}/returns',
  access: 'optional',
  operationId: 'createReturn',
  summary: 'Return shipped units of one’s own order',
  description: `${describeRequest} The owner only (the customer’s token, or a guest order’s \`X-Order-Token\`); anyone else: 404.`,
  tags: ['orders'],
  request: {
    path: orderPath,
    headers: orderTokenHeaders.extend(keyHeader),
    body: returnRequest,
    bodyLimitBytes: 16 * 1024,
  },
  responses: created,
  problems: requestProblems,
  handle: async ({ path, body, caller, event }, services) => {
    const key = requiredIdempotencyKey(event);
    const order = await services.orders.get(path.orderId);
    if (!order || !mayView(order, caller, event.headers[ORDER_TOKEN_HEADER]))
      throw orderNotFound(path.orderId);
    const made = await requestReturn(services, path.orderId, key, body, 'customer');
    return json(201, made.orderReturn, { ...noStore, ...replayedHeader(made.replayed) });
  },
});

/** POST /admin/orders/{orderId}/returns: the back office returns shipped units for the customer. */
export const adminCreateReturn = fulfillmentOperation({
  route: 'POST /admin/orders/{orderId}/returns',
  access: 'admin',
  operationId: 'adminCreateReturn',
  summary: 'Return shipped units of an order, for its customer',
  description: describeRequest,
  tags: ['orders', 'admin'],
  request: { path: orderPath, headers: z.object(keyHeader), body: returnRequest, bodyLimitBytes: 16 * 1024 },
  responses: created,
  problems: requestProblems,
  handle: async ({ path, body, event }, services) => {
    const made = await requestReturn(services, path.orderId, requiredIdempotencyKey(event), body, 'admin');
    return json(201, made.orderReturn, { ...noStore, ...replayedHeader(made.replayed) });
  },
});

/** POST /admin/returns/{returnId}/receive: the returned units arrived; restock or discard, then refund. */
export const receiveReturn = fulfillmentOperation({
  route: 'POST /admin/returns/{returnId}/receive',
  access: 'admin',
  operationId: 'receiveReturn',
  summary: 'Receive a return: restock or discard each line, then refund it',
  description:
    'Says how each line of the return arrived: `restock` (back on a location’s shelf, with a ledger ' +
    '`return` entry) or `discard`. Then refunds the lines’ share of what was paid (their totals pro rata: ' +
    'price less their share of discounts, with tax) and, with `refundShipping`, the shipping (once per ' +
    'order). Emits `ReturnReceived` (and `RefundIssued`). Received again: the same answer, no second restock ' +
    'and no second refund; a refund Stripe could not take (503) is made by sending the receipt again.',
  tags: ['orders', 'admin'],
  request: {
    path: z.strictObject({ returnId: z.string().min(1).max(64) }),
    headers: z.object(keyHeader),
    body: receiveRequest,
    bodyLimitBytes: 16 * 1024,
  },
  responses: {
    200: {
      description: 'The return, received, and its refund',
      schema: z.object({
        return: returnSchema,
        refundId: z.string().nullable(),
        refundStatus: z.string().nullable(),
      }),
    },
  },
  problems: {
    400: ['idempotency_key_required'],
    404: ['return_not_found'],
    409: [
      'return_canceled',
      'fulfillment_conflict',
      'order_not_refundable',
      'refund_refused',
      'refund_conflict',
    ],
    422: ['return_lines_mismatch', 'unknown_location', 'not_returnable', 'refund_exceeds_refundable'],
    503: ['payment_provider_unavailable'],
  },
  handle: async ({ path, body, event }, services) => {
    requiredIdempotencyKey(event);
    const { orderReturn, refund } = await receive(services, path.returnId, body);
    return json(
      200,
      { return: orderReturn, refundId: refund?.id ?? null, refundStatus: refund?.status ?? null },
      noStore,
    );
  },
});

/** GET /admin/orders/{orderId}/returns: an order's returns. */
export const listOrderReturns = fulfillmentOperation({
  route: 'GET /admin/orders/{orderId}/returns',
  access: 'admin',
  operationId: 'listOrderReturns',
  summary: 'An order’s returns',
  description: 'Every return of the order, oldest first.',
  tags: ['orders', 'admin'],
  request: { path: orderPath },
  responses: {
    200: { description: 'The order’s returns', schema: z.object({ items: z.array(returnSchema) }) },
  },
  problems: { 404: ['order_not_found'] },
  handle: async ({ path }, services) =>
    json(200, { items: await listReturns(services, path.orderId) }, noStore),
});

/** The operations of the `fulfillmentStore` function: a shopper's returns. */
export const returnStoreOperations = [createReturn];
/** The return operations of the `fulfillmentAdmin` function. */
export const returnAdminOperations = [adminCreateReturn, receiveReturn, listOrderReturns];
