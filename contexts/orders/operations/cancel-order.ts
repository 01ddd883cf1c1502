import { z } from 'zod';
import { readFulfillments } from '#contexts/fulfillment/data/store.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { idempotencyKey, replayedHeader, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { lineText } from '#platform/text/schema.ts';
import { orderView } from '../data/items.ts';
import { orderNotFound } from '../data/repository.ts';
import { requestCancel } from '../data/request-cancel.ts';
import { orderPath } from '../domain/queries.ts';
import type { Order } from '../domain/schemas.ts';
import { orderOperation } from '../wiring.ts';
import { mayView } from './access.ts';
import { noStore, ORDER_TOKEN_HEADER, orderResponse, orderTokenHeaders } from './responses.ts';

const keyHeader = {
  'idempotency-key': idempotencyKey.meta({
    description: 'Required. Names this cancellation: a retry with the same key answers the same',
  }),
};
const accepted = {
  202: { ...orderResponse[200], description: 'The order, `cancel_pending`: the cancellation runs' },
};
const CONFLICTS = ['order_not_cancelable', 'order_shipped', 'order_cancel_requested', 'order_conflict'];

/** POST /admin/orders/{orderId}/cancel: the back office cancels a paid order that has not shipped. */
export const adminCancelOrder = orderOperation({
  route: 'POST /admin/orders/{orderId}/cancel',
  access: 'admin',
  operationId: 'adminCancelOrder',
  summary: 'Cancel a paid order that has not shipped',
  description:
    'Moves the order to `cancel_pending` and starts the cancellation workflow: the payment is refunded, ' +
    'open fulfillments canceled, the sold units put back where they were sold from and the promotion use ' +
    'given back, then the order is `canceled` (`OrderCanceled`). A refund that fails for good leaves the ' +
    'order `cancel_pending` (`OrderCancellationFailed`); the same request again retries it. Shipped units: ' +
    '409 `order_shipped` (return them instead). Two cancellations at once: one runs, the other is 409.',
  tags: ['orders', 'admin'],
  request: {
    path: orderPath,
    headers: z.object(keyHeader),
    body: z.strictObject({ reason: lineText().trim().min(1).max(200) }),
    bodyLimitBytes: 1024,
  },
  responses: accepted,
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found'],
    409: CONFLICTS,
    422: ['idempotency_key_reused'],
  },
  handle: async ({ path, body, event }, services) => {
    const key = requiredIdempotencyKey(event);
    const { order, replayed } = await requestCancel(
      services,
      { orderId: path.orderId, by: 'admin', reason: body.reason, idempotencyKey: key },
      () => undefined,
    );
    return json(202, orderView(order, await services.related(order.id)), {
      ...noStore,
      ...replayedHeader(replayed),
    });
  },
});

/** POST /orders/{orderId}/cancel: the customer cancels their own order, before any of it is fulfilled. */
export const cancelOrder = orderOperation({
  route: 'POST /orders/{orderId}/cancel',
  access: 'optional',
  operationId: 'cancelOrder',
  summary: 'Cancel one’s own order before it is fulfilled',
  description:
    'The owner (the customer’s token, or a guest order’s `X-Order-Token`) cancels a paid order within the ' +
    'cancellation window after paying (`ORDER_CANCEL_WINDOW_MINUTES`, 60 by default) and before any of it ' +
    'is fulfilled (409 `order_fulfillment_started`; 409 `cancel_window_closed` after the window). It runs ' +
    'as the back office’s cancellation does. Anyone else: 404.',
  tags: ['orders'],
  request: {
    path: orderPath,
    headers: orderTokenHeaders.extend(keyHeader),
    body: z.strictObject({ reason: lineText().trim().max(200).optional() }),
    bodyLimitBytes: 1024,
  },
  responses: accepted,
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found'],
    409: [...CONFLICTS, 'order_fulfillment_started', 'cancel_window_closed'],
    422: ['idempotency_key_reused'],
  },
  handle: async ({ path, body, caller, event }, services) => {
    const key = requiredIdempotencyKey(event);
    const owned = await services.orders.get(path.orderId);
    if (!owned || !mayView(owned, caller, event.headers[ORDER_TOKEN_HEADER]))
      throw orderNotFound(path.orderId);
    const withinWindow = async (order: Order) => {
      const paidAt = order.statusHistory.find((h) => h.status === 'paid')?.at ?? order.createdAt;
      if (Date.now() - Date.parse(paidAt) > services.cancelWindowMinutes * 60_000)
        throw new ConflictError('The time to cancel this order has passed', 'cancel_window_closed');
      const { fulfillments } = await readFulfillments(services.table, order.id);
      if (fulfillments.some((f) => f.fulfillment.status !== 'canceled'))
        throw new ConflictError('Part of this order is being fulfilled already', 'order_fulfillment_started');
    };
    const { order, replayed } = await requestCancel(
      services,
      {
        orderId: path.orderId,
        by: 'customer',
        reason: body.reason ?? 'customer_request',
        idempotencyKey: key,
      },
      withinWindow,
    );
    return json(202, orderView(order, await services.related(order.id)), {
      ...noStore,
      ...replayedHeader(replayed),
    });
  },
});
