import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Companion } from '#contexts/inventory/data/reserve.ts';
import { settleReservation } from '#contexts/inventory/data/settle.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import {
  consumeFailure,
  consumeUsageItems,
  PromotionUsageError,
} from '#contexts/pricing/data/promotion-usage.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { inventoryFixture } from './harness.ts';

const once: Promotion = {
  id: 'once',
  name: 'Once',
  type: 'percentage',
  percentBps: 1000,
  combinable: true,
  usageLimit: 1,
};

/** What checkout commits with the stock: an order item and the promotion's usage. */
const placing = (table: string, orderId: string): Companion => ({
  items: (reservation) => [
    {
      Put: {
        TableName: table,
        Item: { pk: `TEST_ORDER#${orderId}`, sk: 'ORDER', reservationId: reservation.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...consumeUsageItems(table, [once], undefined),
  ],
  // Companion item 0 is the order, 1 the usage counter.
  refused: (conditionFailed) =>
    consumeFailure({ conditionFailed }, [once], undefined, 1) ?? new Error('the order exists'),
});

const get = async (table: string, key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

describe('reserve with companion items', () => {
  it('commits the companion items with the stock, and holds nothing when one of their conditions fails', async () => {
    const f = await inventoryFixture();
    await f.locations.create({ id: 'wh', name: 'W', kind: 'warehouse', priority: 1, regions: [] });
    await f.admin.put('sku-c', { levels: [{ locationId: 'wh', onHand: 10 }], reason: 'count' }, 'test');
    const input = (id: string) => ({
      reservationId: id,
      ref: `order-${id}`,
      lines: [{ variantId: 'sku-c', quantity: 2 }],
    });

    const first = await f.reservations.reserve(input('r1'), undefined, placing(f.table, 'o1'));
    expect(first.status).toBe('held');
    expect(await get(f.table, { pk: 'TEST_ORDER#o1', sk: 'ORDER' })).toMatchObject({ reservationId: 'r1' });
    expect(await get(f.table, promotionKeys.usage('once'))).toMatchObject({ used: 1 });

    // The promotion's one use is gone: the second order is refused whole — no stock, no order, no usage.
    await expect(
      f.reservations.reserve(input('r2'), undefined, placing(f.table, 'o2')),
    ).rejects.toBeInstanceOf(PromotionUsageError);
    expect(await get(f.table, { pk: 'TEST_ORDER#o2', sk: 'ORDER' })).toBeUndefined();
    expect(await f.stock.variantStock('sku-c')).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    expect(await get(f.table, promotionKeys.usage('once'))).toMatchObject({ used: 1 });

    // A replay of the first call answers its reservation and changes nothing.
    const again = await f.reservations.reserve(input('r1'), undefined, placing(f.table, 'o1'));
    expect(again.id).toBe('r1');
    expect(await f.stock.variantStock('sku-c')).toMatchObject({ reserved: 2 });
    expect(await get(f.table, promotionKeys.usage('once'))).toMatchObject({ used: 1 });
  });
});

describe('settle with companion items', () => {
  it('commits them once with the settlement, and refuses the settlement when one of their conditions fails', async () => {
    const f = await inventoryFixture();
    await f.locations.create({ id: 'wh', name: 'W', kind: 'warehouse', priority: 1, regions: [] });
    await f.admin.put('sku-s', { levels: [{ locationId: 'wh', onHand: 5 }], reason: 'count' }, 'test');
    const hold = (id: string) =>
      f.reservations.reserve({
        reservationId: id,
        ref: `order-${id}`,
        lines: [{ variantId: 'sku-s', quantity: 1 }],
      });
    await Promise.all([hold('s1'), hold('s2')]);
    const paid = (orderId: string) => () => [
      {
        Put: {
          TableName: f.table,
          Item: { pk: `TEST_PAID#${orderId}`, sk: 'PAID' },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];

    expect((await settleReservation(f.table, 's1', 'commit', undefined, paid('o1'))).changed).toBe(true);
    expect(await get(f.table, { pk: 'TEST_PAID#o1', sk: 'PAID' })).toBeDefined();
    // Settling again is a no-op: the reservation is no longer held, and the companion is not re-applied.
    expect((await settleReservation(f.table, 's1', 'commit', undefined, paid('o1'))).changed).toBe(false);

    // The companion's condition fails (already paid): nothing settles, the units stay held.
    await expect(settleReservation(f.table, 's2', 'commit', undefined, paid('o1'))).rejects.toMatchObject({
      statusCode: 409,
      code: 'settle_refused',
    });
    expect(await f.stock.variantStock('sku-s')).toMatchObject({ onHand: 4, reserved: 1, available: 3 });
  });
});
