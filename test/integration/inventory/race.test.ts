import { describe, expect, it } from 'vitest';
import { OutOfStockError } from '#contexts/inventory/domain/errors.ts';
import { waitBudget } from '../../support/budget.ts';
import { countCommands, expectInvariants, inventoryFixture, outboxCounts } from './harness.ts';

const admin = 'admin-test';

/**
 * Contenders in flight at once: the SDK's connection pool (50 sockets) lets no more reach DynamoDB Local
 * together, so a larger number only queues requests in the client (and makes every read stale by the
 * time its transaction goes out) without adding a collision at the table.
 */
const AT_ONCE = 50;
/** Units of stock in each scenario: fewer than `AT_ONCE`, so the very first wave already fights over them. */
const UNITS = 40;
/** Reservations per scenario: three waves of contenders, most of them arriving while units remain. */
const RACERS = 3 * UNITS;

/**
 * DynamoDB round trips per reservation on an idle machine, for the time budget: a plain line reads its
 * settings, the locations and its level (twice when short) and transacts; a hot line may read every shard.
 */
const TRIPS = { line: 8, hotLine: 24 };
/** One round trip to DynamoDB Local under contention, idle machine. */
const TRIP_MS = 15;

/**
 * Runs `n` reservations, `AT_ONCE` at a time (each contender takes the next one as soon as its last
 * settles), and sorts the outcomes. Real concurrency: DynamoDB Local serialises the transactions.
 */
const race = async (n: number, reserve: (i: number) => Promise<unknown>) => {
  const outcomes: PromiseSettledResult<unknown>[] = [];
  let next = 0;
  const contender = async () => {
    for (let i = next++; i < n; i = next++) {
      outcomes[i] = await reserve(i).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, n) }, contender));
  const held = outcomes.filter((o) => o.status === 'fulfilled').length;
  const outOfStock = outcomes.filter(
    (o) => o.status === 'rejected' && o.reason instanceof OutOfStockError,
  ).length;
  const other = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof OutOfStockError));
  return { held, outOfStock, other: other.map((o) => (o as PromiseRejectedResult).reason) };
};

/** A race, with the transactions it sent: more than it held shows the contenders really collided. */
const contendedRace = async (n: number, reserve: (i: number) => Promise<unknown>) => {
  const commands = countCommands();
  try {
    const result = await race(n, reserve);
    return { ...result, transactions: commands.counts.TransactWriteItemsCommand ?? 0 };
  } finally {
    commands.stop();
  }
};

/** The one location every scenario stocks. */
const warehouse = () => ({
  id: 'wh-1',
  name: 'Main warehouse',
  kind: 'warehouse' as const,
  priority: 1,
  regions: [],
});

describe('reserve under concurrency', () => {
  it(
    `holds exactly ${UNITS} of ${RACERS} racing single-unit reservations (${AT_ONCE} at a time) against ${UNITS} units`,
    async () => {
      const f = await inventoryFixture();
      await f.locations.create(warehouse());
      await f.admin.put(
        'sku-race',
        { levels: [{ locationId: 'wh-1', onHand: UNITS }], reason: 'count' },
        admin,
      );

      const { transactions, ...result } = await contendedRace(RACERS, (i) =>
        f.reservations.reserve({
          reservationId: `r-${i}`,
          ref: `cart-${i}`,
          lines: [{ variantId: 'sku-race', quantity: 1 }],
        }),
      );

      expect(result).toEqual({ held: UNITS, outOfStock: RACERS - UNITS, other: [] });
      expect(transactions).toBeGreaterThan(UNITS);
      const stock = await f.stock.variantStock('sku-race');
      expect(stock).toMatchObject({ onHand: UNITS, reserved: UNITS, available: 0 });
      await expectInvariants(f.table);
      expect((await outboxCounts(f.table)).StockReserved).toBe(UNITS);
    },
    waitBudget(RACERS * TRIPS.line, { perItemMs: TRIP_MS }),
  );

  it(
    'reserves nothing for a 2-line cart whose second line is short, at any concurrency',
    async () => {
      const f = await inventoryFixture();
      await f.locations.create(warehouse());
      await f.admin.put(
        'sku-plenty',
        { levels: [{ locationId: 'wh-1', onHand: 2 * UNITS }], reason: 'count' },
        admin,
      );
      await f.admin.put(
        'sku-scarce',
        { levels: [{ locationId: 'wh-1', onHand: 2 * UNITS }], reason: 'count' },
        admin,
      );

      // Each cart wants 1 of the plentiful variant and 2 of the scarce one: only UNITS carts can be filled.
      const { transactions, ...result } = await contendedRace(RACERS, (i) =>
        f.reservations.reserve({
          reservationId: `c-${i}`,
          ref: `cart-${i}`,
          lines: [
            { variantId: 'sku-plenty', quantity: 1 },
            { variantId: 'sku-scarce', quantity: 2 },
          ],
        }),
      );

      expect(result).toEqual({ held: UNITS, outOfStock: RACERS - UNITS, other: [] });
      expect(transactions).toBeGreaterThan(UNITS);
      expect(await f.stock.variantStock('sku-plenty')).toMatchObject({ reserved: UNITS, available: UNITS });
      expect(await f.stock.variantStock('sku-scarce')).toMatchObject({ reserved: 2 * UNITS, available: 0 });
      await expectInvariants(f.table);
    },
    waitBudget(RACERS * 2 * TRIPS.line, { perItemMs: TRIP_MS }),
  );

  it(
    `holds exactly ${UNITS} on a hot variant with 10 shards, and no shard goes negative`,
    async () => {
      const f = await inventoryFixture();
      await f.locations.create(warehouse());
      await f.admin.put(
        'sku-hot',
        { levels: [{ locationId: 'wh-1', onHand: UNITS }], shards: 10, reason: 'count' },
        admin,
      );

      const { transactions, ...result } = await contendedRace(RACERS, (i) =>
        f.reservations.reserve({
          reservationId: `h-${i}`,
          ref: `cart-${i}`,
          lines: [{ variantId: 'sku-hot', quantity: 1 }],
        }),
      );

      expect(result).toEqual({ held: UNITS, outOfStock: RACERS - UNITS, other: [] });
      expect(transactions).toBeGreaterThan(UNITS);
      const levels = await expectInvariants(f.table);
      const shards = levels.filter((l) => l.variantId === 'sku-hot');
      expect(shards).toHaveLength(10);
      const perShard = UNITS / 10;
      for (const s of shards) expect(s).toMatchObject({ onHand: perShard, reserved: perShard, available: 0 });
    },
    waitBudget(RACERS * TRIPS.hotLine, { perItemMs: TRIP_MS }),
  );
});
