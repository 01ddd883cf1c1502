import { describe, expect, it } from 'vitest';
import { bucketOf } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { orderTransitionUpdate } from '#contexts/orders/data/transitions.ts';
import { type OrderStatus, orderStatus } from '#contexts/orders/domain/schemas.ts';
import { canTransition, isFinal } from '#contexts/orders/domain/status.ts';

const allowed: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'payment_failed'],
  ['pending_payment', 'expired'],
  ['pending_payment', 'canceled'],
  ['paid', 'refunded'],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => allowed.some(([f, t]) => f === from && t === to);
const everyPair = orderStatus.options.flatMap((from) => orderStatus.options.map((to) => [from, to] as const));

describe('canTransition', () => {
  it.each(allowed)('lets an order move from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(everyPair.filter(([from, to]) => !isAllowed(from, to)))('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('makes failed, expired, canceled and refunded orders final, and never a paid one', () => {
    expect(orderStatus.options.filter(isFinal)).toEqual([
      'payment_failed',
      'expired',
      'canceled',
      'refunded',
    ]);
  });
});

describe('orderTransitionUpdate', () => {
  const id = '7f1c2d9e-0000-4000-8000-000000000001';

  it('is conditional on the current status, appends to the history and moves the status index key', () => {
    const { Update } = orderTransitionUpdate(
      't',
      id,
      ['pending_payment'],
      'paid',
      '2026-01-01T00:00:00.000Z',
    );
    expect(Update.Key).toEqual(orderKeys.order(id));
    expect(Update.ConditionExpression).toBe('attribute_exists(pk) AND #status IN (:from0)');
    expect(Update.UpdateExpression).toContain('#history = list_append(#history, :entry)');
    expect(Update.ExpressionAttributeValues).toMatchObject({
      ':from0': 'pending_payment',
      ':to': 'paid',
      ':entry': [{ status: 'paid', at: '2026-01-01T00:00:00.000Z' }],
      ':gsi2pk': orderKeys.statusPartition('paid', bucketOf(id)),
    });
  });

  it('records a reason, and requires the PaymentIntent the caller saw (or none)', () => {
    const seen = orderTransitionUpdate(
      't',
      id,
      ['pending_payment'],
      'payment_failed',
      'now',
      'card_declined',
      {
        seenPaymentIntentId: 'pi_1',
      },
    ).Update;
    expect(seen.ConditionExpression).toContain('payment.paymentIntentId = :seenPi');
    expect(seen.ExpressionAttributeValues).toMatchObject({
      ':entry': [{ status: 'payment_failed', at: 'now', reason: 'card_declined' }],
      ':seenPi': 'pi_1',
    });
    const none = orderTransitionUpdate('t', id, ['pending_payment'], 'expired', 'now', undefined, {
      seenPaymentIntentId: null,
    }).Update;
    expect(none.ConditionExpression).toContain('attribute_not_exists(payment.paymentIntentId)');
  });

  it('refuses to build a move the transition table forbids', () => {
    expect(() => orderTransitionUpdate('t', id, ['paid'], 'pending_payment', 'now')).toThrow(/cannot move/);
    expect(() => orderTransitionUpdate('t', id, ['pending_payment', 'paid'], 'paid', 'now')).toThrow(/paid/);
    expect(() => orderTransitionUpdate('t', id, [], 'paid', 'now')).toThrow(/cannot move/);
  });

  it('spreads orders over every bucket of a status', () => {
    const buckets = new Set(Array.from({ length: 200 }, (_, i) => bucketOf(`order-${i}-${i * 7919}`)));
    expect([...buckets].sort()).toEqual([0, 1, 2, 3]);
  });
});
