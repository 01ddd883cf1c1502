import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import type { PaymentGateway } from '#contexts/payments/domain/gateway.ts';
import type { PaymentResult } from '#contexts/payments/domain/result.ts';
import { transact } from '#platform/data/transact.ts';
import { CHECKOUT_REFUND_KEY } from './release-checkout.ts';

/** What a refund did to its order: moved it to `refunded`, or nothing (partial, or not a paid order). */
export type RefundEffect = 'refunded' | 'partial' | 'not_applicable';

/**
 * Follows a refund reported by Stripe (`charge.refunded`): a paid order whose charge is refunded in full
 * becomes `refunded` (once: conditional on `paid`), its summary moving from the paid list to the refunded
 * one in the same transaction. A partial refund leaves it paid; an order that never completed (the saga
 * refunded a payment it could not use) is not moved. 1 Query (the order, whose summary the transition
 * rewrites) + 1 TransactWriteItems.
 */
export const followRefund = async (
  deps: { readonly table: string; readonly orders: OrderRepository },
  result: PaymentResult,
  now = new Date(),
): Promise<RefundEffect> => {
  if (result.outcome !== 'refunded') return 'not_applicable';
  if ((result.amountRefunded ?? 0) < result.amount) return 'partial';
  const order = await deps.orders.getForUpdate(result.orderId);
  if (order?.status !== 'paid') return 'not_applicable';
  const at = now.toISOString();
  const moved = await transact(
    orderTransitionItems(deps.table, order, ['paid'], 'refunded', at, 'charge_refunded'),
  );
  return moved.ok ? 'refunded' : 'not_applicable';
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
