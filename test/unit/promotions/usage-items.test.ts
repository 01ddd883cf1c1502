import { describe, expect, it } from 'vitest';
import { Entity, promotionKeys } from '#contexts/pricing/data/keys.ts';
import {
  consumeFailure,
  consumeUsageItems,
  PromotionUsageError,
  releaseUsageRefs,
  usageRefs,
} from '#contexts/pricing/data/promotion-usage.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';

const promo = (overrides: Partial<Promotion> = {}): Promotion =>
  ({ id: 'p-1', name: 'Free shipping', type: 'free_shipping', combinable: true, ...overrides }) as Promotion;

const limited = promo({ id: 'p-lim', code: 'TEN', usageLimit: 100, perCustomerLimit: 1 });
const open = promo({ id: 'p-open' });

describe('consumeUsageItems', () => {
  it('increments a limited total on condition it is below the limit, and records the limit and code', () => {
    const [item] = consumeUsageItems('t', [limited], undefined);
    expect(item?.Update).toMatchObject({
      TableName: 't',
      Key: promotionKeys.usage('p-lim'),
      ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
      ExpressionAttributeValues: {
        ':limit': 100,
        ':one': 1,
        ':code': 'TEN',
        ':entity': Entity.promotionUsage,
      },
    });
    expect(item?.Update?.UpdateExpression).toMatch(/ADD #used :one/);
    expect(item?.Update?.UpdateExpression).toMatch(/#limit = :limit/);
  });

  it('increments an unlimited total without a condition and removes a stale limit', () => {
    const [item] = consumeUsageItems('t', [open], 'c-1');
    expect(item?.Update?.ConditionExpression).toBeUndefined();
    expect(item?.Update?.UpdateExpression).toMatch(/REMOVE #limit$/);
  });

  it('adds the per-customer counter only for a known customer and a promotion with a per-customer limit', () => {
    expect(consumeUsageItems('t', [limited, open], undefined)).toHaveLength(2);
    const items = consumeUsageItems('t', [limited, open], 'c-1');
    expect(items).toHaveLength(3);
    expect(items[2]?.Update).toMatchObject({
      Key: promotionKeys.customerUsage('p-lim', 'c-1'),
      ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
      ExpressionAttributeValues: { ':limit': 1, ':customer': 'c-1' },
    });
  });
});

describe('releaseUsageRefs', () => {
  it('decrements each consumed counter on condition it is above zero', () => {
    const items = releaseUsageRefs('t', usageRefs([limited, open], 'c-1'), 'c-1');
    expect(items.map((i) => i.Update?.Key)).toEqual(
      consumeUsageItems('t', [limited, open], 'c-1').map((i) => i.Update?.Key),
    );
    for (const item of items)
      expect(item.Update).toMatchObject({
        UpdateExpression: 'ADD #used :minusOne',
        ConditionExpression: '#used > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      });
  });
});

describe('consumeFailure', () => {
  it('names the promotion whose total failed, counting from the offset of the usage items', () => {
    const error = consumeFailure({ conditionFailed: [false, false, true, false] }, [open, limited], 'c-1', 1);
    expect(error).toBeInstanceOf(PromotionUsageError);
    expect(error).toMatchObject({ statusCode: 422, code: 'promotion_exhausted', promotionId: 'p-lim' });
  });

  it('reports the customer limit when the customer counter failed', () => {
    const error = consumeFailure({ conditionFailed: [false, false, true] }, [open, limited], 'c-1');
    expect(error).toMatchObject({ code: 'promotion_customer_limit_reached', promotionId: 'p-lim' });
    expect(error?.toJSON()).toMatchObject({ status: 422, errors: [{ path: 'promotions.p-lim' }] });
  });

  it('answers undefined when the cancellation came from another item', () => {
    expect(consumeFailure({ conditionFailed: [true, false, false] }, [limited], 'c-1', 1)).toBeUndefined();
  });
});
