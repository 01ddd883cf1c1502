import { describe, expect, it } from 'vitest';
import { paymentStatusOf } from '#contexts/orders/domain/payment-status.ts';

const order = (status: Parameters<typeof paymentStatusOf>[0]['status']) =>
  ({ status, totals: { grandTotal: 1000 } }) as Parameters<typeof paymentStatusOf>[0];

describe('payment status of an order', () => {
  it('follows a paid order’s refunds', () => {
    expect(paymentStatusOf(order('paid'), 0)).toBe('paid');
    expect(paymentStatusOf(order('paid'), 1)).toBe('partially_refunded');
    expect(paymentStatusOf(order('paid'), 999)).toBe('partially_refunded');
    expect(paymentStatusOf(order('paid'), 1000)).toBe('refunded');
  });

  it('names the money of an order that was never paid, or refunded by Stripe in full', () => {
    expect(paymentStatusOf(order('pending_payment'), 0)).toBe('pending');
    expect(paymentStatusOf(order('payment_failed'), 0)).toBe('failed');
    expect(paymentStatusOf(order('expired'), 0)).toBe('voided');
    expect(paymentStatusOf(order('canceled'), 0)).toBe('voided');
    expect(paymentStatusOf(order('refunded'), 0)).toBe('refunded');
  });
});
