import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import {
  bucketOf,
  orderCreateItems,
  orderSummary,
  STATE_FIELDS,
  summaryFromItem,
  summaryItem,
} from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { type OrderStatus, orderStatus } from '#contexts/orders/domain/schemas.ts';
import { LISTED_STATUSES } from '#contexts/orders/domain/status.ts';
import { itemSize, writeUnits } from '../../support/item-size.ts';
import { sampleOrder } from '../../support/orders.ts';

const sub = '5f0c3a9e-7b1d-4e2a-9c4f-1a2b3c4d5e6f';

describe('orderCreateItems', () => {
  it('puts the body without index keys and the summary with the customer key, both only if new', () => {
    const order = sampleOrder({ customerId: sub });
    const [body, summary] = orderCreateItems('t', order);
    expect(body.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(summary.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(body.Put?.Item).toMatchObject({
      ...orderKeys.order(order.id),
      entity: 'ORDER',
      lines: order.lines,
    });
    expect(Object.keys(body.Put?.Item ?? {}).filter((k) => k.startsWith('gsi'))).toEqual([]);
    // The default channel is what a summary without `channelId` reads as: it is not stored.
    const { channelId: _default, ...row } = orderSummary(order);
    expect(summary.Put?.Item).toEqual({
      ...orderKeys.summary(order.id),
      ...orderKeys.byCustomer(sub, order.createdAt, order.id),
      entity: 'ORDER_SUMMARY',
      ...row,
      paymentStatus: 'pending',
      statusHistory: order.statusHistory,
      payment: order.payment,
      version: 1,
    });
    expect(summary.Put?.Item).not.toHaveProperty('fulfillmentStatus');
  });

  it('stores the channel of an order placed in another channel than the default', () => {
    const [, summary] = orderCreateItems('t', { ...sampleOrder(), channelId: 'web' });
    expect(summary.Put?.Item).toMatchObject({ channelId: 'web' });
    expect(summaryFromItem(summary.Put!.Item!)).toMatchObject({ channelId: 'web' });
    const [, plain] = orderCreateItems('t', sampleOrder());
    expect(summaryFromItem(plain.Put!.Item!)).toMatchObject({ channelId: 'default' });
  });

  it('gives a guest order no customer key, and an unpaid order no status key', () => {
    const [, summary] = orderCreateItems('t', sampleOrder());
    expect(summary.Put?.Item).not.toHaveProperty('gsi1pk');
    expect(summary.Put?.Item).not.toHaveProperty('gsi2pk');
  });
});

describe('summaryItem', () => {
  const order = sampleOrder({ customerId: sub });

  it.each(LISTED_STATUSES)('lists a %s order in its status’s bucket, by creation time', (status) => {
    expect(summaryItem({ ...order, status })).toMatchObject(
      orderKeys.byStatus(status, bucketOf(order.id), order.createdAt, order.id),
    );
  });

  it('lists every status but pending_payment', () => {
    const listed = orderStatus.options.filter(
      (status: OrderStatus) => 'gsi2pk' in summaryItem({ ...order, status }),
    );
    expect(listed).toEqual([...LISTED_STATUSES]);
  });

  const at = '2026-01-01T00:00:00.000Z';
  const step = (status: OrderStatus, reason?: string) => ({ status, at, ...(reason ? { reason } : {}) });
  const refunded = [
    step('pending_payment'),
    step('paid', 'payment_succeeded'),
    step('refunded', 'refunded_in_full'),
  ];
  const canceled = [
    ...refunded.slice(0, 2),
    step('cancel_pending', 'cancel_requested_by_customer'),
    step('canceled', 'canceled_by_customer'),
  ];

  it.each([
    ['refunded', refunded, 170],
    ['canceled', canceled, 80],
  ] as const)(
    'costs 1 WCU per write for a %s order with both facets, a PaymentIntent and a %i-character e-mail',
    (status, statusHistory, length) => {
      const email = `${'e'.repeat(length - 12)}@example.com`;
      const busy = {
        ...sampleOrder({ customerId: sub }),
        email,
        status,
        payment: { provider: 'stripe' as const, paymentIntentId: `pi_${'x'.repeat(24)}` },
        statusHistory,
      };
      expect(email).toHaveLength(length);
      const facets = {
        paymentStatus: 'partially_refunded',
        fulfillmentStatus: 'partially_fulfilled',
      } as const;
      expect(writeUnits(itemSize(summaryItem(busy, facets)))).toBe(1);
    },
  );

  it('holds the state; the body holds none of it, so only the summary changes after the placing', () => {
    const [body, summary] = orderCreateItems('t', sampleOrder({ customerId: sub }));
    for (const field of STATE_FIELDS) {
      expect(body.Put?.Item).not.toHaveProperty(field);
      expect(summary.Put?.Item).toHaveProperty(field);
    }
  });
});

describe('bucketOf', () => {
  // 16 buckets carry 16,000 orders a second only if the hash spreads them evenly: each bucket's share of
  // 16,000 ids stays within 15 % of 1,000 (5 standard deviations of a fair split).
  it.each([
    ['random UUIDs', () => randomUUID()],
    ['checkout order ids', () => orderIdFor(randomUUID(), randomUUID())],
  ])('spreads %s evenly over the 16 buckets', (_name, id) => {
    const counts = new Array<number>(orderKeys.buckets).fill(0);
    for (let i = 0; i < 16_000; i += 1) counts[bucketOf(id())]! += 1;
    expect(counts).toHaveLength(16);
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
