import { describe, expect, it } from 'vitest';
import { OutOfStockError } from '#contexts/inventory/domain/errors.ts';
import { expectInvariants, inventoryFixture, outboxCounts } from './harness.ts';

const admin = 'admin-test';

/** Runs `n` reservations at once (real concurrency: DynamoDB Local serialises them) and sorts outcomes. */
const race = async (n: number, reserve: (i: number) => Promise<unknown>) => {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => reserve(i)));
  const held = outcomes.filter((o) => o.status === 'fulfilled').length;
  const outOfStock = outcomes.filter(
    (o) => o.status === 'rejected' && o.reason instanceof OutOfStockError,
  ).length;
  const other = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof OutOfStockError));
  return { held, outOfStock, other: other.map((o) => (o as PromiseRejectedResult).reason) };
};

describe('reserve under concurrency', () => {
  it('holds exactly 100 of 1,000 concurrent single-unit reservations against 100 units', async () => {
    const f = await inventoryFixture();
    await f.locations.create({
      id: 'wh-1',
      name: 'Main warehouse',
      kind: 'warehouse',
      priority: 1,
      regions: [],
    });
    await f.admin.put('sku-race', { levels: [{ locationId: 'wh-1', onHand: 100 }], reason: 'count' }, admin);

    const result = await race(1000, (i) =>
      f.reservations.reserve({
        reservationId: `r-${i}`,
        ref: `cart-${i}`,
        lines: [{ variantId: 'sku-race', quantity: 1 }],
      }),
    );

    expect(result).toEqual({ held: 100, outOfStock: 900, other: [] });
    const stock = await f.stock.variantStock('sku-race');
    expect(stock).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
    await expectInvariants(f.table);
    expect((await outboxCounts(f.table)).StockReserved).toBe(100);
  }, 120_000);

  it('reserves nothing for a 2-line cart whose second line is short, at any concurrency', async () => {
    const f = await inventoryFixture();
    await f.locations.create({
      id: 'wh-1',
      name: 'Main warehouse',
      kind: 'warehouse',
      priority: 1,
      regions: [],
    });
    await f.admin.put(
      'sku-plenty',
      { levels: [{ locationId: 'wh-1', onHand: 100 }], reason: 'count' },
      admin,
    );
    await f.admin.put(
      'sku-scarce',
      { levels: [{ locationId: 'wh-1', onHand: 100 }], reason: 'count' },
      admin,
    );

    // Each cart wants 1 of the plentiful variant and 2 of the scarce one: only 50 carts can be filled.
    const result = await race(1000, (i) =>
      f.reservations.reserve({
        reservationId: `c-${i}`,
        ref: `cart-${i}`,
        lines: [
          { variantId: 'sku-plenty', quantity: 1 },
          { variantId: 'sku-scarce', quantity: 2 },
        ],
      }),
    );

    expect(result).toEqual({ held: 50, outOfStock: 950, other: [] });
    expect(await f.stock.variantStock('sku-plenty')).toMatchObject({ reserved: 50, available: 50 });
    expect(await f.stock.variantStock('sku-scarce')).toMatchObject({ reserved: 100, available: 0 });
    await expectInvariants(f.table);
  }, 120_000);

  it('holds exactly 100 on a hot variant with 10 shards, and no shard goes negative', async () => {
    const f = await inventoryFixture();
    await f.locations.create({
      id: 'wh-1',
      name: 'Main warehouse',
      kind: 'warehouse',
      priority: 1,
      regions: [],
    });
    await f.admin.put(
      'sku-hot',
      { levels: [{ locationId: 'wh-1', onHand: 100 }], shards: 10, reason: 'count' },
      admin,
    );

    const result = await race(1000, (i) =>
      f.reservations.reserve({
        reservationId: `h-${i}`,
        ref: `cart-${i}`,
        lines: [{ variantId: 'sku-hot', quantity: 1 }],
      }),
    );

    expect(result).toEqual({ held: 100, outOfStock: 900, other: [] });
    const levels = await expectInvariants(f.table);
    const shards = levels.filter((l) => l.variantId === 'sku-hot');
    expect(shards).toHaveLength(10);
    for (const s of shards) expect(s).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
  }, 120_000);
});
