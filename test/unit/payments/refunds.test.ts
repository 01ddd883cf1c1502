import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  isFullyRefunded,
  refundableOf,
  refundedTotal,
  refundIdFor,
  refundRequest,
} from '#contexts/payments/domain/refunds.ts';
import { refundUpdateOf } from '#contexts/payments/stripe/webhook-event.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';

const r = (amount: number, status: 'requested' | 'pending' | 'succeeded' | 'failed') => ({ amount, status });

describe('refund arithmetic', () => {
  it('counts every refund that did not fail, requested ones included', () => {
    const refunds = [r(100, 'requested'), r(200, 'pending'), r(300, 'succeeded'), r(400, 'failed')];
    expect(refundedTotal(refunds)).toBe(600);
    expect(refundableOf(1000, refunds)).toBe(400);
    expect(isFullyRefunded(1000, refunds)).toBe(false);
    expect(isFullyRefunded(600, refunds)).toBe(true);
  });

  it('never answers a negative refundable amount, and nothing is refundable of nothing paid', () => {
    expect(refundableOf(500, [r(600, 'succeeded')])).toBe(0);
    expect(refundableOf(0, [])).toBe(0);
    expect(isFullyRefunded(0, [])).toBe(false);
  });
});

describe('refund requests', () => {
  it('names the same refund for the same order and key, another for another key or order', () => {
    const id = refundIdFor('order-1', 'key-aaaaaaaa');
    expect(id).toMatch(/^rf_[A-Za-z0-9_-]{27}$/);
    expect(refundIdFor('order-1', 'key-aaaaaaaa')).toBe(id);
    expect(refundIdFor('order-1', 'key-bbbbbbbb')).not.toBe(id);
    expect(refundIdFor('order-2', 'key-aaaaaaaa')).not.toBe(id);
  });

  it('tells requests apart by what they ask, after defaults', () => {
    const a = refundRequest.parse({ amount: 100 });
    expect(a.reason).toBe('requested_by_customer');
    expect(requestFingerprint(a)).toBe(requestFingerprint(refundRequest.parse({ amount: 100 })));
    expect(requestFingerprint(a)).not.toBe(requestFingerprint(refundRequest.parse({ amount: 101 })));
    expect(requestFingerprint(a)).not.toBe(
      requestFingerprint(refundRequest.parse({ amount: 100, note: 'x' })),
    );
  });

  it('refuses amounts that are not whole positive minor units, and unknown fields', () => {
    for (const amount of [0, -1, 1.5, 100_000_000])
      expect(refundRequest.safeParse({ amount }).success).toBe(false);
    expect(refundRequest.safeParse({ amount: 1, currency: 'EUR' }).success).toBe(false);
  });
});

describe('refund events from Stripe', () => {
  const event = (type: string, object: Record<string, unknown>) =>
    ({ id: 'evt_1', type, created: 1, data: { object } }) as unknown as Stripe.Event;
  const refund = {
    id: 're_1',
    status: 'failed',
    failure_reason: 'expired_or_canceled_card',
    metadata: { orderId: 'order-1', refundId: 'rf_1' },
  };

  it('reads a refund status the refund API’s refunds carry', () => {
    for (const type of ['refund.updated', 'refund.failed', 'charge.refund.updated'])
      expect(refundUpdateOf(event(type, refund))).toEqual({
        orderId: 'order-1',
        refundId: 'rf_1',
        providerRefundId: 're_1',
        status: 'failed',
        failureReason: 'expired_or_canceled_card',
      });
  });

  it('ignores other events and refunds made elsewhere', () => {
    expect(refundUpdateOf(event('charge.refunded', refund))).toBeUndefined();
    expect(
      refundUpdateOf(event('refund.updated', { ...refund, metadata: { orderId: 'order-1' } })),
    ).toBeUndefined();
    expect(refundUpdateOf(event('refund.updated', { ...refund, metadata: {} }))).toBeUndefined();
  });
});
