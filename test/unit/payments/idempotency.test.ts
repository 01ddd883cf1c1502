import { describe, expect, it } from 'vitest';
import { stripeIdempotencyKey } from '#contexts/payments/domain/idempotency.ts';

describe('stripeIdempotencyKey', () => {
  it('derives the key from the order and the action, so a retried step sends the same key', () => {
    expect(stripeIdempotencyKey('ord_123', 'create')).toBe('order:ord_123:create');
    expect(stripeIdempotencyKey('ord_123', 'create')).toBe(stripeIdempotencyKey('ord_123', 'create'));
  });

  it('gives each action and each refund of an order its own key', () => {
    const keys = ['create', 'cancel', 'refund:r1', 'refund:r2'] as const;
    const derived = keys.map((action) => stripeIdempotencyKey('ord_123', action));
    expect(new Set(derived).size).toBe(keys.length);
    expect(stripeIdempotencyKey('ord_124', 'create')).not.toBe(stripeIdempotencyKey('ord_123', 'create'));
  });

  it.each(['', 'a:b'])('refuses %j as an order id (keys of two orders must never meet)', (orderId) => {
    expect(() => stripeIdempotencyKey(orderId, 'create')).toThrow(/order id/);
  });

  it('refuses keys longer than the 255 characters Stripe accepts', () => {
    expect(() => stripeIdempotencyKey('o'.repeat(250), 'create')).toThrow(/255/);
  });
});
