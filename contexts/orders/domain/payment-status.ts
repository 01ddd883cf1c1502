import type { Order, PaymentStatus } from './schemas.ts';

/**
 * The payment status of an order from its status and what was refunded of it (pure). A paid order is
 * `paid` until refunds reach it: `partially_refunded`, then `refunded`; an order whose status is
 * `refunded` (Stripe reported the charge refunded in full) is `refunded` whatever the backend recorded.
 */
export const paymentStatusOf = (order: Pick<Order, 'status' | 'totals'>, refunded: number): PaymentStatus => {
  switch (order.status) {
    case 'pending_payment':
      return 'pending';
    case 'payment_failed':
      return 'failed';
    case 'expired':
      return 'voided';
    case 'canceled':
      // Canceled unpaid (the checkout) took no money; canceled paid, the cancellation refunded it.
      if (refunded <= 0) return 'voided';
      return refunded >= order.totals.grandTotal ? 'refunded' : 'partially_refunded';
    case 'refunded':
      return 'refunded';
    case 'paid':
    case 'cancel_pending':
      if (refunded <= 0) return 'paid';
      return refunded >= order.totals.grandTotal ? 'refunded' : 'partially_refunded';
  }
};
