import { describe, expect, it } from 'vitest';
import { bucketOf } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import {
  orderPaymentIntentUpdate,
  orderTransitionItems,
  type TransitionExtra,
} from '#contexts/orders/data/transitions.ts';
import { type OrderStatus, orderStatus } from '#contexts/orders/domain/schemas.ts';
import { canTransition, isFinal } from '#contexts/orders/domain/status.ts';
import { sampleOrder } from '../../support/orders.ts';

const allowed: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'payment_failed'],
  ['pending_payment', 'expired'],
  ['pending_payment', 'canceled'],
  ['paid', 'refunded'],
  ['paid', 'cancel_pending'],
  ['cancel_pending', 'canceled'],
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

describe('orderTransitionItems', () => {
  const order = sampleOrder({ customerId: 'cust-1' });
  const move = (from: OrderStatus[], to: OrderStatus, reason?: string, extra?: TransitionExtra) =>
    orderTransitionItems('t', order, from, to, '2026-01-01T00:00:00.000Z', reason, extra);

  it('updates the summary on condition of its status: history appended, version bumped', () => {
    const items = move(['pending_payment'], 'paid');
    expect(items).toHaveLength(1);
    const [{ Update }] = items;
    expect(Update.Key).toEqual(orderKeys.summary(order.id));
    expect(Update.ConditionExpression).toBe('attribute_exists(#history) AND #status IN (:from0)');
    expect(Update.UpdateExpression).toContain('#history = list_append(#history, :entry)');
    expect(Update.UpdateExpression).toContain('#version = #version + :one');
    expect(Update.ExpressionAttributeValues).toMatchObject({
      ':from0': 'pending_payment',
      ':to': 'paid',
      ':entry': [{ status: 'paid', at: '2026-01-01T00:00:00.000Z' }],
    });
  });

  it.each([
    ['pending_payment', 'paid'],
    ['paid', 'refunded'],
    ['paid', 'cancel_pending'],
    ['cancel_pending', 'canceled'],
    ['pending_payment', 'expired'],
    ['pending_payment', 'canceled'],
    ['pending_payment', 'payment_failed'],
  ] as const)('moves the summary from %s into the %s bucket of gsi2', (from, to) => {
    const [{ Update }] = move([from], to);
    expect(Update.UpdateExpression).toContain('gsi2pk = :g2pk, gsi2sk = :g2sk');
    expect(Update.UpdateExpression).not.toContain('REMOVE');
    expect(Update.ExpressionAttributeValues).toMatchObject({
      ':g2pk': orderKeys.statusPartition(to, bucketOf(order.id)),
      ':g2sk': orderKeys.sortKey(order.createdAt, order.id),
    });
  });

  it.each([
    ['pending_payment', 'paid', 'paid'],
    ['pending_payment', 'payment_failed', 'failed'],
    ['pending_payment', 'expired', 'voided'],
    ['pending_payment', 'canceled', 'voided'],
    ['paid', 'refunded', 'refunded'],
  ] as const)(
    'stores the payment status a move from %s to %s leads to (%s) in the same Update',
    (from, to, facet) => {
      const [{ Update }] = move([from], to);
      expect(Update.UpdateExpression).toContain('paymentStatus = :paymentStatus');
      expect(Update.ExpressionAttributeValues).toMatchObject({ ':paymentStatus': facet });
    },
  );

  it.each([
    ['paid', 'cancel_pending'],
    ['cancel_pending', 'canceled'],
  ] as const)('leaves the stored payment status on a move from %s to %s: no refund changes', (from, to) => {
    const [{ Update }] = move([from], to);
    expect(Update.UpdateExpression).not.toContain('paymentStatus');
    expect(Update.ExpressionAttributeValues).not.toHaveProperty(':paymentStatus');
  });

  it('records a reason, and requires the PaymentIntent the caller saw (or none)', () => {
    const [{ Update: seen }] = move(['pending_payment'], 'payment_failed', 'card_declined', {
      seenPaymentIntentId: 'pi_1',
    });
    expect(seen.ConditionExpression).toContain('payment.paymentIntentId = :seenPi');
    expect(seen.ExpressionAttributeValues).toMatchObject({
      ':entry': [{ status: 'payment_failed', at: '2026-01-01T00:00:00.000Z', reason: 'card_declined' }],
      ':seenPi': 'pi_1',
    });
    const [{ Update: none }] = move(['pending_payment'], 'expired', undefined, { seenPaymentIntentId: null });
    expect(none.ConditionExpression).toContain('attribute_not_exists(payment.paymentIntentId)');
  });

  it('refuses to build a move the transition table forbids', () => {
    expect(() => move(['paid'], 'pending_payment')).toThrow(/cannot move/);
    expect(() => move(['pending_payment', 'paid'], 'paid')).toThrow(/paid/);
    expect(() => move([], 'paid')).toThrow(/cannot move/);
  });
});

describe('orderPaymentIntentUpdate', () => {
  it('writes the summary (the state), never the body, and no index key', () => {
    const { Update } = orderPaymentIntentUpdate('t', 'order-1', 'pi_1', 'now');
    expect(Update.Key).toEqual(orderKeys.summary('order-1'));
    expect(Update.UpdateExpression).not.toMatch(/gsi|status =/);
  });
});
