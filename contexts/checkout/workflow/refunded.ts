import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderFacetsUpdate, orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import { paymentStatusOf } from '#contexts/orders/domain/payment-status.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { noRefundTotal, readRefunds } from '#contexts/payments/data/refund-store.ts';
import type { PaymentGateway } from '#contexts/payments/domain/gateway.ts';
import type { PaymentResult } from '#contexts/payments/domain/result.ts';
import { transact } from '#platform/data/transact.ts';
import { CHECKOUT_REFUND_KEY } from './release-checkout.ts';

/** What a refund did to its order: moved it to `refunded`, or nothing (partial, or not a paid order). */
export type RefundEffect = 'refunded' | 'partial' | 'not_applicable';

type RefundFollowDeps = { readonly table: string; readonly orders: OrderRepository };

/**
 * Follows a refund reported by Stripe (`charge.refunded`): a paid order whose charge is refunded in full
 * becomes `refunded` (once: conditional on `paid`), its summary moving from the paid list to the refunded
 * one in the same transaction. A partial refund leaves it paid; an order that never completed (the saga
 * refunded a payment it could not use) is not moved. Either way, for an order with no refund of the
 * refund API (made in Stripe's dashboard, or the checkout's own) the summary stores the payment status
 * what Stripe reported gives it (`storeProviderRefund`). 1 Query (the order) + 1 TransactWriteItems, or
 * + 1 Query of its refunds (+ 1 TransactWriteItems).
 */
export const followRefund = async (
  deps: RefundFollowDeps,
  result: PaymentResult,
  now = new Date(),
): Promise<RefundEffect> => {
  if (result.outcome !== 'refunded') return 'not_applicable';
  const order = await deps.orders.getForUpdate(result.orderId);
  if (!order) return 'not_applicable';
  const full = (result.amountRefunded ?? 0) >= result.amount;
  const at = now.toISOString();
  if (full && order.status === 'paid') {
    const moved = await transact(
      orderTransitionItems(deps.table, order, ['paid'], 'refunded', at, 'charge_refunded'),
    );
    if (moved.ok) return 'refunded';
  }
  await storeProviderRefund(deps, order, result.amountRefunded ?? 0, at);
  return full ? 'not_applicable' : 'partial';
};

/**
 * Stores on the summary the payment status of an order refunded outside the refund API, as its order
 * view counts it (what Stripe last reported, when the refund API has no refund of it): on condition that
 * it still has none, so a refund API refund recorded meanwhile (which stores its own) is never
 * overwritten. Nothing when the refund API has refunds of the order. 1 Query (+ 1 TransactWriteItems).
 */
const storeProviderRefund = async (deps: RefundFollowDeps, order: Order, refunded: number, at: string) => {
  const ledger = await readRefunds(deps.table, order.id);
  if (ledger.refunds.length > 0 || ledger.version > 0) return;
  await transact([
    noRefundTotal(deps.table, order.id),
    orderFacetsUpdate(deps.table, order.id, { paymentStatus: paymentStatusOf(order, refunded) }, at),
  ]);
};

/** Order statuses that will never be paid: money arriving for one goes back. */
const ENDED_UNPAID = new Set(['payment_failed', 'expired', 'canceled']);

/**
 * The last guard against money without an order: a payment Stripe reports as succeeded for an order
 * that ended unpaid (no saga was waiting to complete it) is refunded in full, once: the refund key is
 * the one the saga's own refund uses, so Stripe answers a second request with the first refund. 1 GetItem (+ 1 Stripe refund), only when no saga was resumed.
 */
export const refundUnclaimed = async (
  deps: { readonly orders: OrderRepository; readonly gateway: () => Promise<PaymentGateway> },
  result: PaymentResult,
): Promise<'refunded' | 'not_applicable'> => {
  if (result.outcome !== 'succeeded') return 'not_applicable';
  const order = await deps.orders.get(result.orderId);
  if (!order || !ENDED_UNPAID.has(order.status)) return 'not_applicable';
  const gateway = await deps.gateway();
  await gateway.refund({
    orderId: order.id,
    paymentIntentId: result.paymentIntentId,
    refundKey: CHECKOUT_REFUND_KEY,
  });
  return 'refunded';
};
