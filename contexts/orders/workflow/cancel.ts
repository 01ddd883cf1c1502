import { z } from 'zod';
import { cancelWithOrder } from '#contexts/fulfillment/data/cancel-with-order.ts';
import { stillSold } from '#contexts/fulfillment/domain/stock-moves.ts';
import { restockedCheck, restockReservation } from '#contexts/inventory/data/restock.ts';
import { issueRefund, type RefundDeps } from '#contexts/payments/data/issue-refund.ts';
import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { refundableOf, refundedTotal, refundIdFor } from '#contexts/payments/domain/refunds.ts';
import { releaseUsageRefs } from '#contexts/pricing/data/promotion-usage.ts';
import { transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { orderTransitionItems } from '../data/transitions.ts';
import { ORDERS_SOURCE } from '../events.ts';

/*
 * The cancellation workflow's steps (order-cancellation.asl.json), each idempotent, each beside what
 * undoes or follows it. The order is `cancel_pending` when the workflow starts (the request moved it).
 * 1. Refund: whatever is left of the payment goes back, under one refund key per order, so a retried step
 *    or a second workflow never refunds twice. Compensation: none can undo a refund; if it fails for good
 *    the workflow stops in `CancellationFailed` and the order stays `cancel_pending` (nothing else undone).
 * 2. Finish: open fulfillments canceled; the sold units back on their shelves (ledger `return` entries)
 *    in chunks that each apply once, however large the order; then in one transaction the promotion use
 *    back, the order `canceled` and `OrderCanceled`, once (conditional on `cancel_pending` and on every
 *    chunk having landed). The order is `cancel_pending` until that transaction: never shown canceled
 *    with units still out, and a retry finishes what a failed run began.
 */

/** The workflow's input, as the cancel request starts it. */
export const cancellationInput = z.object({
  orderId: z.string().min(1).max(64),
  by: z.enum(['admin', 'customer']),
  reason: z.string().max(200),
});
export type CancellationInput = z.infer<typeof cancellationInput>;

/** The refund key of an order's cancellation: one per order, whatever retries or requests there are. */
export const CANCEL_REFUND_KEY = 'order-cancellation';

/** The request the cancellation's refund is, the same for every run (so its fingerprint never differs). */
const CANCEL_REFUND = { reason: 'requested_by_customer', note: 'Order canceled' } as const;

/**
 * Step 1: refunds what is left of the payment. Nothing left and no refund of this cancellation before
 * (refunded in full earlier): nothing to do. A failed refund throws: the workflow retries, then stops.
 */
export const refundForCancel = async (deps: RefundDeps, input: CancellationInput) => {
  const [order, { refunds }] = await Promise.all([
    deps.orders.get(input.orderId),
    readRefunds(deps.table, input.orderId),
  ]);
  if (!order) throw new Error(`Order ${input.orderId} is gone`);
  const ours = refunds.some((r) => r.refund.id === refundIdFor(input.orderId, CANCEL_REFUND_KEY));
  const left = refundableOf(
    order.totals.grandTotal,
    refunds.map((r) => r.refund),
  );
  if (left === 0 && !ours) return { refunded: 0 };
  const { refund } = await issueRefund(deps, input.orderId, CANCEL_REFUND_KEY, CANCEL_REFUND);
  if (refund.status === 'failed') throw new RefundNotMadeError(`Stripe failed the refund ${refund.id}`);
  return { refunded: refund.amount };
};

/** A refund that did not happen: the workflow stops with the order `cancel_pending`. */
export class RefundNotMadeError extends Error {
  override readonly name = 'RefundNotMadeError';
}

/** Who puts a canceled order's units back, for the ledger. */
const RESTOCK_ACTOR = 'system:order-cancellation';

/**
 * Step 2: fulfillments canceled; the sold units back, in chunks (each once); then one transaction: the
 * order `canceled`, the promotion use back and `OrderCanceled`, conditional on `cancel_pending` and on
 * every chunk having landed. Retried after a failure anywhere, it resumes: done chunks are not applied
 * again (the reservation's `restockedThrough`), and a canceled order answers as it is.
 */
export const finishCancel = async (
  deps: Pick<RefundDeps, 'table' | 'orders'>,
  input: CancellationInput,
  now = new Date(),
): Promise<{ readonly status: string }> => {
  const order = await deps.orders.getForUpdate(input.orderId);
  if (!order) throw new Error(`Order ${input.orderId} is gone`);
  if (order.status !== 'cancel_pending') return { status: order.status };
  const moved = await cancelWithOrder(deps.table, order, now);
  // Units a canceled fulfillment moved stay with the seller that got them: only the rest go back.
  const reservation = await restockReservation(
    deps.table,
    order.reservationId,
    { reason: `order ${order.id} canceled`, actor: RESTOCK_ACTOR },
    () => now,
    undefined,
    (sold) => stillSold(sold, moved),
  );
  const { refunds } = await readRefunds(deps.table, order.id);
  const refunded = refundedTotal(refunds.map((r) => r.refund));
  const at = now.toISOString();
  const done = await transact([
    ...orderTransitionItems(deps.table, order, ['cancel_pending'], 'canceled', at, `canceled_by_${input.by}`),
    ...(reservation?.status === 'committed' && reservation.restocking.length > 0
      ? [restockedCheck(deps.table, reservation)]
      : []),
    ...releaseUsageRefs(deps.table, order.promotionUsage, order.customerId),
    {
      Put: {
        TableName: deps.table,
        Item: outboxItem(
          ORDERS_SOURCE,
          'OrderCanceled',
          {
            orderId: order.id,
            customerId: order.customerId,
            by: input.by,
            reason: input.reason,
            refunded,
            currency: order.currency,
            canceledAt: at,
          },
          now,
        ),
      },
    },
  ]);
  if (done.ok) return { status: 'canceled' };
  const current = await deps.orders.get(order.id);
  if (current?.status === 'canceled') return { status: 'canceled' };
  throw new Error(`Order ${order.id} could not be canceled now; the step is retried`);
};

/** The end of a cancellation whose refund failed: `OrderCancellationFailed`, the order left `cancel_pending`. */
export const cancellationFailed = async (
  deps: Pick<RefundDeps, 'table'>,
  input: CancellationInput & { readonly error?: { Error?: string; Cause?: string } },
  now = new Date(),
) => {
  await transact([
    {
      Put: {
        TableName: deps.table,
        Item: outboxItem(
          ORDERS_SOURCE,
          'OrderCancellationFailed',
          {
            orderId: input.orderId,
            error: (input.error?.Error ?? 'unknown').slice(0, 200),
            cause: input.error?.Cause?.slice(0, 1000) ?? null,
          },
          now,
        ),
      },
    },
  ]);
  return { status: 'cancel_pending' };
};
