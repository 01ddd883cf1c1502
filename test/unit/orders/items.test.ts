import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { bucketOf, orderCreateItems, orderSummary, summaryItem } from '#contexts/orders/data/items.ts';
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
    expect(summary.Put?.Item).toEqual({
      ...orderKeys.summary(order.id),
      ...orderKeys.byCustomer(sub, order.createdAt, order.id),
      entity: 'ORDER_SUMMARY',
      ...orderSummary(order),
      version: 1,
    });
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
    expect(summaryItem({ ...orderSummary(order), status }, 2)).toMatchObject(
      orderKeys.byStatus(status, bucketOf(order.id), order.createdAt, order.id),
    );
  });

  it('lists every status but pending_payment', () => {
    const listed = orderStatus.options.filter(
      (status: OrderStatus) => 'gsi2pk' in summaryItem({ ...orderSummary(order), status }, 1),
    );
    expect(listed).toEqual([...LISTED_STATUSES]);
  });

  it('costs 1 WCU per write even with a 254-character e-mail (the order body costs 2)', () => {
    const long = sampleOrder({ customerId: sub });
    const row = {
      ...orderSummary({ ...long, email: `${'e'.repeat(242)}@example.com` }),
      status: 'payment_failed' as const,
    };
    expect(row.email).toHaveLength(254);
    expect(writeUnits(itemSize(summaryItem(row, 9)))).toBe(1);
    const [body] = orderCreateItems('t', long);
    expect(writeUnits(itemSize(body.Put?.Item ?? {}))).toBe(2);
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
