import { type Refund, refundedTotal } from '#contexts/payments/domain/refunds.ts';
import type { Order, OrderStatus, PaymentStatus } from './schemas.ts';

/**
 * The payment status of an order from its status and what was refunded of it (pure). A paid order is
 * `paid` until refunds reach it: `partially_refunded`, then `refunded`; an order whose status is
 * `refunded` (Stripe reported the charge refunded in full) is `refunded` whatever the backend recorded.
 */
export const paymentStatusOf = (
  order: Pick<Order, 'status'> & { readonly totals: Pick<Order['totals'], 'grandTotal'> },
  refunded: number,
): PaymentStatus => {
  if (refunded <= 0 || !REFUNDS_COUNT.has(order.status)) return UNREFUNDED[order.status];
  return refunded >= order.totals.grandTotal ? 'refunded' : 'partially_refunded';
};

/**
 * Statuses whose payment status depends on what was refunded: paid (or being canceled) until refunds
 * reach it; canceled, which took no money (canceled unpaid, by the checkout) or gave it back (canceled
 * paid: the cancellation refunded it). Every other status decides it alone.
 */
export const REFUNDS_COUNT: ReadonlySet<OrderStatus> = new Set(['paid', 'cancel_pending', 'canceled']);

/** The payment status of an order in each status when nothing was refunded of it. */
export const UNREFUNDED: Readonly<Record<OrderStatus, PaymentStatus>> = {
  pending_payment: 'pending',
  paid: 'paid',
  cancel_pending: 'paid',
  payment_failed: 'failed',
  expired: 'voided',
  canceled: 'voided',
  refunded: 'refunded',
};

/**
 * What was refunded of an order, as its payment status counts it: the refund API's refunds that did not
 * fail when there are any (they follow failures, which Stripe reports with no charge event); else what
 * Stripe last said of the charge (refunds made in its dashboard).
 */
export const amountRefundedOf = (
  refunds: readonly Pick<Refund, 'amount' | 'status'>[],
  providerRefunded: number,
): number => (refunds.length > 0 ? refundedTotal(refunds) : providerRefunded);

/**
 * The payment status a move from one of `from` to `to` stores on the summary, or undefined when the move
 * leaves the stored one as it is. Leaving `pending_payment` nothing can have been refunded yet, and
 * `refunded` is refunded whatever was; `paid` → `cancel_pending` → `canceled` change no refund, so the
 * refunds' own writes keep the facet and the status reads it (`listedPaymentStatus`).
 */
export const paymentStatusEntering = (
  from: readonly OrderStatus[],
  to: OrderStatus,
): PaymentStatus | undefined =>
  to === 'refunded' || from.every((status) => status === 'pending_payment') ? UNREFUNDED[to] : undefined;
