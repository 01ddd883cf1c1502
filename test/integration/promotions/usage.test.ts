import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import {
  consumeFailure,
  consumeUsageItems,
  releaseUsageRefs,
  usageRefs,
} from '#contexts/pricing/data/promotion-usage.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { scanEntity } from '../inventory/harness.ts';

const promo = (overrides: Partial<Promotion>): Promotion =>
  ({ id: randomUUID(), name: 'Test', type: 'free_shipping', combinable: true, ...overrides }) as Promotion;

type Outcome = 'committed' | 'promotion_exhausted' | 'promotion_customer_limit_reached';

/**
 * One checkout-like transaction: an order item plus the usage items, retried on conflicts (as checkout
 * will) until it commits or a usage condition says no.
 */
const placeOrder = async (table: string, promotions: Promotion[], customerId?: string): Promise<Outcome> => {
  const orderId = randomUUID();
  const order: TransactItem = {
    Put: {
      TableName: table,
      Item: { pk: `TESTORDER#${orderId}`, sk: 'ORDER', entity: 'TEST_ORDER', orderId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await transact([order, ...consumeUsageItems(table, promotions, customerId)]);
    if (result.ok) return 'committed';
    const error = consumeFailure(result, promotions, customerId, 1);
    if (error) return error.code as Outcome;
    await backoff(attempt);
  }
  throw new Error('the transaction kept conflicting');
};

const used = async (table: string, key: Record<string, string>) => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
  );
  return Item?.used as number | undefined;
};

const count = (outcomes: Outcome[], outcome: Outcome) => outcomes.filter((o) => o === outcome).length;

describe('promotion usage counter (inside a multi-item transaction)', () => {
  let table: string;

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
  });

  it('lets exactly usageLimit of 200 concurrent orders redeem a promotion limited to 100', async () => {
    const limited = promo({ usageLimit: 100, code: 'HUNDRED' });
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => placeOrder(table, [limited])));
    expect(count(outcomes, 'committed')).toBe(100);
    expect(count(outcomes, 'promotion_exhausted')).toBe(100);
    expect(await used(table, promotionKeys.usage(limited.id))).toBe(100);
    // The order items committed with the counter: one per redemption, none for the refused ones.
    expect(await scanEntity(table, 'TEST_ORDER')).toHaveLength(100);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table, Key: promotionKeys.usage(limited.id), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ usageLimit: 100, code: 'HUNDRED', promotionId: limited.id });
  });

  it('lets one customer redeem a once-per-customer promotion once, however many tries at once', async () => {
    const once = promo({ perCustomerLimit: 1 });
    const customer = `c-${randomUUID()}`;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => placeOrder(table, [once], customer)));
    expect(count(outcomes, 'committed')).toBe(1);
    expect(count(outcomes, 'promotion_customer_limit_reached')).toBe(19);
    expect(await used(table, promotionKeys.customerUsage(once.id, customer))).toBe(1);
    expect(await used(table, promotionKeys.usage(once.id))).toBe(1);
    // Another customer is not affected by the first one's redemption.
    expect(await placeOrder(table, [once], `c-${randomUUID()}`)).toBe('committed');
  });

  it('counts a promotion without a limit unconditionally', async () => {
    const open = promo({});
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => placeOrder(table, [open], 'c-x')));
    expect(count(outcomes, 'committed')).toBe(10);
    expect(await used(table, promotionKeys.usage(open.id))).toBe(10);
  });

  it('releases a consumption back, and never below zero', async () => {
    const p = promo({ usageLimit: 2, perCustomerLimit: 1 });
    expect(await placeOrder(table, [p], 'c-1')).toBe('committed');
    expect(await placeOrder(table, [p], 'c-2')).toBe('committed');
    expect(await placeOrder(table, [p], 'c-3')).toBe('promotion_exhausted');

    expect((await transact(releaseUsageRefs(table, usageRefs([p], 'c-1'), 'c-1'))).ok).toBe(true);
    expect(await used(table, promotionKeys.usage(p.id))).toBe(1);
    expect(await used(table, promotionKeys.customerUsage(p.id, 'c-1'))).toBe(0);
    // Released capacity is redeemable again.
    expect(await placeOrder(table, [p], 'c-3')).toBe('committed');

    // A second release for c-1 finds its counter at zero: the whole compensation is refused.
    const twice = await transact(releaseUsageRefs(table, usageRefs([p], 'c-1'), 'c-1'));
    expect(twice.ok).toBe(false);
    expect(await used(table, promotionKeys.usage(p.id))).toBe(2);
    expect(await used(table, promotionKeys.customerUsage(p.id, 'c-1'))).toBe(0);

    // Releasing a promotion never consumed fails too (no counter to take below zero).
    const never = promo({ usageLimit: 5 });
    expect((await transact(releaseUsageRefs(table, usageRefs([never], undefined), null))).ok).toBe(false);
    expect(await used(table, promotionKeys.usage(never.id))).toBeUndefined();
  });
});
