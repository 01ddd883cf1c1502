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

  it('updates the body on condition of its status: history appended, version bumped, old index keys dropped', () => {
    const [{ Update }] = move(['pending_payment'], 'paid');
    expect(Update.Key).toEqual(orderKeys.order(order.id));
    expect(Update.ConditionExpression).toBe('attribute_exists(pk) AND #status IN (:from0)');
    expect(Update.UpdateExpression).toContain('#history = list_append(#history, :entry)');
    expect(Update.UpdateExpression).toContain('#version = #version + :one');
    expect(Update.UpdateExpression).toMatch(/ REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk$/);
    expect(Update.ExpressionAttributeValues).toMatchObject({
      ':from0': 'pending_payment',
      ':to': 'paid',
      ':entry': [{ status: 'paid', at: '2026-01-01T00:00:00.000Z' }],
    });
  });

  it('rewrites the summary in the new status, into that status’s bucket, with the body’s next version', () => {
    const [, { Put }] = move(['pending_payment'], 'paid');
    expect(Put?.ConditionExpression).toBeUndefined();
    expect(Put?.Item).toMatchObject({
      ...orderKeys.summary(order.id),
      ...orderKeys.byStatus('paid', bucketOf(order.id), order.createdAt, order.id),
      ...orderKeys.byCustomer('cust-1', order.createdAt, order.id),
      entity: 'ORDER_SUMMARY',
      status: 'paid',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdAt: order.createdAt,
      version: order.version + 1,
    });
  });

  it.each([
    ['paid', 'refunded'],
    ['pending_payment', 'expired'],
    ['pending_payment', 'canceled'],
    ['pending_payment', 'payment_failed'],
  ] as const)('moves the summary from %s to the %s partition', (from, to) => {
    const [, { Put }] = move([from], to);
    expect(Put?.Item?.gsi2pk).toBe(orderKeys.statusPartition(to, bucketOf(order.id)));
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
  it('writes the body only, never the summary', () => {
    const { Update } = orderPaymentIntentUpdate('t', 'order-1', 'pi_1', 'now');
    expect(Update.Key).toEqual(orderKeys.order('order-1'));
    expect(Update.UpdateExpression).not.toMatch(/gsi|status =/);
  });
});
