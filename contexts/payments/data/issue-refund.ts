import { orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import { paymentStatusOf } from '#contexts/orders/domain/payment-status.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { transact } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';
import { PaymentProviderError, PaymentProviderUnavailableError } from '../domain/errors.ts';
import type { PaymentGateway } from '../domain/gateway.ts';
import {
  isFullyRefunded,
  type Refund,
  type RefundList,
  type RefundRequest,
  type RefundUpdate,
  refundableOf,
  refundedTotal,
  refundIdFor,
} from '../domain/refunds.ts';
import { failRefund } from './fail-refund.ts';
import type { RefundDeps } from './refund-deps.ts';
import { markRefundIssued, markRefundSucceeded, readRefunds, recordRefund } from './refund-store.ts';

export type { RefundDeps } from './refund-deps.ts';

/** Attempts at recording a refund when another refund of the same order commits in between. */
const ATTEMPTS = 3;

/** An order's refunds and what is left to refund: 1 Query of the order ∥ 1 Query of its payment. */
export const listRefunds = async (deps: RefundDeps, orderId: string): Promise<RefundList> => {
  const [order, ledger] = await Promise.all([deps.orders.get(orderId), readRefunds(deps.table, orderId)]);
  if (!order) throw orderNotFound(orderId);
  const items = ledger.refunds.map((r) => r.refund);
  // A canceled order that was paid shows what it paid: its refunds say so.
  const captured = items.length > 0 ? order.totals.grandTotal : capturedOf(order);
  return {
    orderId,
    currency: order.currency,
    captured,
    refunded: refundedTotal(items),
    refundable: refundableOf(captured, items),
    items,
    mismatches: ledger.mismatches,
  };
};

/**
 * What was paid: the grand total of an order paid (refunded, or being canceled), captured in full;
 * nothing otherwise (a canceled order's money is counted by its refunds, not here).
 */
const CAPTURED = new Set(['paid', 'refunded', 'cancel_pending']);
const capturedOf = (order: Order): number => (CAPTURED.has(order.status) ? order.totals.grandTotal : 0);

/**
 * Refunds (part of) a paid order's payment for the request named by `idempotencyKey`:
 * 1. reads the order and its refunds; the same key again answers the same refund (another body: 422);
 * 2. records the refund (`requested`) and counts it in the order's refund total in one transaction,
 *    conditional on the total read, so two refunds racing for the last money cannot both take it; the
 *    order's summary stores the payment status the new total gives it, in the same transaction;
 * 3. asks Stripe, under an idempotency key derived from the refund id (a retry never refunds twice);
 * 4. records Stripe's answer and emits `RefundIssued` (or `RefundFailed`), and moves an order refunded
 *    in full to `refunded`.
 * If Stripe cannot be reached the refund stays `requested` (503): the same request again asks again,
 * and so does the retry sweep after a grace (`retryRefund`, `refund-sweep.ts`).
 */
export const issueRefund = async (
  deps: RefundDeps,
  orderId: string,
  idempotencyKey: string,
  request: RefundRequest,
  now = new Date(),
): Promise<{ readonly refund: Refund; readonly replayed: boolean }> => {
  const refundId = refundIdFor(orderId, idempotencyKey);
  const fingerprint = requestFingerprint(request);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // For update: the refund writes the order's summary (an order stored before it had one gets it now).
    const [order, ledger] = await Promise.all([
      deps.orders.getForUpdate(orderId),
      readRefunds(deps.table, orderId),
    ]);
    if (!order) throw orderNotFound(orderId);
    const known = ledger.refunds.find((r) => r.refund.id === refundId);
    if (known) {
      if (known.fingerprint !== fingerprint)
        throw new UnprocessableError(
          'This Idempotency-Key was used for another refund request of this order',
          'idempotency_key_reused',
        );
      return {
        refund: await askStripe(deps, order, known.refund, others(ledger, refundId), now),
        replayed: true,
      };
    }
    // A refunded order too: a refund of it that failed later left money to refund.
    if (!CAPTURED.has(order.status) || !order.payment.paymentIntentId)
      throw new ConflictError(
        `Order ${orderId} is ${order.status}: only a paid order can be refunded`,
        'order_not_refundable',
      );
    const refundable = refundableOf(
      capturedOf(order),
      ledger.refunds.map((r) => r.refund),
    );
    const amount = request.amount ?? refundable;
    if (amount === 0 || amount > refundable)
      throw new UnprocessableError(
        `${amount} is more than the ${refundable} (minor units of ${order.currency}) left to refund`,
        'refund_exceeds_refundable',
      );
    const at = now.toISOString();
    const refund: Refund = {
      id: refundId,
      orderId,
      amount,
      currency: order.currency,
      reason: request.reason,
      note: request.note ?? null,
      status: 'requested',
      providerRefundId: null,
      failureReason: null,
      createdAt: at,
      updatedAt: at,
    };
    const counted = [...ledger.refunds.map((r) => r.refund), refund];
    const paymentStatus = paymentStatusOf(order, refundedTotal(counted));
    if ((await recordRefund(deps.table, refund, fingerprint, ledger.version, paymentStatus)) === 'recorded')
      return { refund: await askStripe(deps, order, refund, others(ledger, refundId), now), replayed: false };
    // The same key committed meanwhile, or another refund did: read again and decide again.
  }
  throw new ConflictError(
    `Other refunds of order ${orderId} kept committing first; try again`,
    'refund_conflict',
  );
};

/**
 * Asks Stripe again for a refund recorded earlier (the retry sweep): the branch of `issueRefund` that
 * answers the same request sent again, so the same Stripe idempotency key (from the refund id) and the
 * same recording of the answer. A refund no longer `requested` is answered as stored; undefined when the
 * order or the refund is gone. Throws as `issueRefund` does (503 unreachable, 409 refused).
 */
export const retryRefund = async (
  deps: RefundDeps,
  orderId: string,
  refundId: string,
  now = new Date(),
): Promise<Refund | undefined> => {
  const [order, ledger] = await Promise.all([deps.orders.get(orderId), readRefunds(deps.table, orderId)]);
  const known = ledger.refunds.find((r) => r.refund.id === refundId);
  if (!order || !known) return undefined;
  return askStripe(deps, order, known.refund, others(ledger, refundId), now);
};

/** The order's refunds as read, but the one being asked for. */
const others = (ledger: { refunds: readonly { refund: Refund }[] }, refundId: string) =>
  ledger.refunds.map((r) => r.refund).filter((r) => r.id !== refundId);

/**
 * Asks Stripe for a `requested` refund and records the answer; a refund past `requested` is answered as
 * stored. Stripe unreachable: 503, the refund stays `requested`. Stripe refusing (the charge was refunded
 * in its dashboard meanwhile, say): the refund fails, its amount is refundable again, 409.
 */
const askStripe = async (
  deps: RefundDeps,
  order: Order,
  refund: Refund,
  otherRefunds: readonly Refund[],
  now: Date,
): Promise<Refund> => {
  if (refund.status !== 'requested') return refund;
  const gateway = await deps.gateway();
  const paymentIntentId = order.payment.paymentIntentId;
  if (!paymentIntentId) throw new Error(`Order ${order.id} has a refund but no PaymentIntent`);
  let answer: Awaited<ReturnType<PaymentGateway['refund']>>;
  try {
    answer = await gateway.refund({
      orderId: order.id,
      paymentIntentId,
      amount: refund.amount,
      refundKey: refund.id,
    });
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw error;
    if (error instanceof PaymentProviderError) {
      await failRefund(
        deps,
        order.id,
        refund.id,
        { reason: 'provider_refused', providerRefundId: null },
        now,
      );
      throw new ConflictError(`Stripe refused the refund: ${error.message}`, 'refund_refused');
    }
    throw error;
  }
  const at = now.toISOString();
  if (answer.status === 'failed' || answer.status === 'canceled') {
    await failRefund(
      deps,
      order.id,
      refund.id,
      { reason: answer.status, providerRefundId: answer.refundId },
      now,
    );
    return {
      ...refund,
      status: 'failed',
      failureReason: answer.status,
      providerRefundId: answer.refundId,
      updatedAt: at,
    };
  }
  const status = answer.status === 'succeeded' ? 'succeeded' : 'pending';
  await markRefundIssued(deps.table, refund, answer.refundId, status, now);
  const issued: Refund = { ...refund, status, providerRefundId: answer.refundId, updatedAt: at };
  // Only a refund that completes the total moves the order (read again then, for its update).
  if (order.status === 'paid' && isFullyRefunded(order.totals.grandTotal, [...otherRefunds, issued]))
    await followFullRefund(deps, order.id, now);
  return issued;
};

/**
 * Moves a paid order whose refunds (not failed) add up to what was paid to `refunded`, once (conditional
 * on `paid`: the webhook's `charge.refunded` may have moved it first). 1 Query ∥ 1 Query, + 1 Update.
 */
export const followFullRefund = async (
  deps: Pick<RefundDeps, 'table' | 'orders'>,
  orderId: string,
  now = new Date(),
): Promise<boolean> => {
  const [order, ledger] = await Promise.all([
    deps.orders.getForUpdate(orderId),
    readRefunds(deps.table, orderId),
  ]);
  if (order?.status !== 'paid') return false;
  if (
    !isFullyRefunded(
      order.totals.grandTotal,
      ledger.refunds.map((r) => r.refund),
    )
  )
    return false;
  const moved = await transact(
    orderTransitionItems(deps.table, order, ['paid'], 'refunded', now.toISOString(), 'refunded_in_full'),
  );
  return moved.ok;
};

/** What a refund status from Stripe's webhook did to the refund's record. */
export type RefundUpdateEffect = 'recorded' | 'duplicate' | 'ignored';

/**
 * Follows a later refund status Stripe reports: `failed` makes the refund fail (its amount refundable
 * again, `RefundFailed`), `succeeded` settles a `pending` one; a refund still `requested` (Stripe answered
 * but the answer was not recorded) is first recorded as issued. Each applies once (conditional on the
 * status read), so Stripe's three events for one change (`refund.updated`, `charge.refund.updated`,
 * `refund.failed`) and redeliveries record it once. 1 Query + 1–2 transactions (a failure: + 1 Query ∥ 1
 * Query of order and refunds, for the payment status it stores, `failRefund`).
 */
export const followRefundUpdate = async (
  deps: Pick<RefundDeps, 'table' | 'orders'>,
  update: RefundUpdate,
  now = new Date(),
): Promise<RefundUpdateEffect> => {
  const ledger = await readRefunds(deps.table, update.orderId);
  const stored = ledger.refunds.find((r) => r.refund.id === update.refundId)?.refund;
  if (!stored) return 'ignored';
  if (update.status === 'failed' || update.status === 'canceled') {
    if (stored.status === 'failed') return 'duplicate';
    const failed = await failRefund(
      deps,
      update.orderId,
      stored.id,
      { reason: update.failureReason ?? update.status, providerRefundId: update.providerRefundId },
      now,
    );
    return failed ? 'recorded' : 'duplicate';
  }
  if (update.status !== 'succeeded' && update.status !== 'pending') return 'ignored';
  let current = stored;
  if (current.status === 'requested') {
    const issued = await markRefundIssued(deps.table, current, update.providerRefundId, update.status, now);
    if (issued) {
      await followFullRefund(deps, update.orderId, now);
      return 'recorded';
    }
    current = { ...current, status: update.status };
  }
  if (update.status === 'succeeded' && current.status === 'pending')
    return (await markRefundSucceeded(deps.table, current, now)) ? 'recorded' : 'duplicate';
  return 'duplicate';
};
