import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity, reservationKeys } from '#contexts/inventory/data/keys.ts';
import type { Companion } from '#contexts/inventory/data/reserve.ts';
import { decideSettlement, settleReservation } from '#contexts/inventory/data/settle.ts';
import { finishSettlement } from '#contexts/inventory/data/settle-chunks.ts';
import { MAX_ALLOCATIONS } from '#contexts/inventory/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { scaled } from '../../support/budget.ts';
import { outboxEvents } from '../../support/outbox.ts';
import { expectInvariants, inventoryFixture, scanEntity } from './harness.ts';

type Fixture = Awaited<ReturnType<typeof inventoryFixture>>;
const ON_HAND = 20;
const variants = Array.from({ length: MAX_ALLOCATIONS }, (_, i) => `big-${String(i).padStart(2, '0')}`);

/** `n` Puts, each conditional on not existing: applied twice, the transaction would be refused. */
const companionItems = (table: string, tag: string, n: number): TransactItem[] =>
  Array.from({ length: n }, (_, i) => ({
    Put: {
      TableName: table,
      Item: { pk: `TEST_COMPANION#${tag}`, sk: `ITEM#${i}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));

const companionCount = async (f: Fixture, tag: string, n: number) => {
  const found = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      documentClient().send(
        new GetCommand({ TableName: f.table, Key: { pk: `TEST_COMPANION#${tag}`, sk: `ITEM#${i}` } }),
      ),
    ),
  );
  return found.filter((r) => r.Item).length;
};

/** Counts the DynamoDB requests sent while `work` runs (the document client's own middleware stack). */
const countingRequests = async <T>(work: () => Promise<T>) => {
  const counts: Record<string, number> = {};
  const name = `count-${randomUUID()}`;
  const stack = documentClient().middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      counts[command] = (counts[command] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await work(), counts };
  } finally {
    stack.remove(name);
  }
};

/** Stock summed over every level of the big variants. */
const totals = async (f: Fixture) => {
  const levels = await scanEntity(f.table, Entity.stockLevel);
  const sum = (k: string) => levels.reduce((s, l) => s + (l[k] as number), 0);
  return { onHand: sum('onHand'), reserved: sum('reserved'), available: sum('available') };
};

const sales = async (f: Fixture, reservationId: string) =>
  (await scanEntity(f.table, Entity.stockLedger)).filter((e) => e.reservationId === reservationId);

/** The detail-types of the outbox records about one reservation. */
const eventsOf = async (f: Fixture, reservationId: string) =>
  (await outboxEvents(f.table))
    .filter((o) => (o.detail as { data: { reservationId?: string } }).data.reservationId === reservationId)
    .map((o) => o.detailType as string)
    .sort();

const reservationItem = async (f: Fixture, id: string) =>
  (
    await documentClient().send(
      new GetCommand({ TableName: f.table, Key: reservationKeys.reservation(id), ConsistentRead: true }),
    )
  ).Item;

/** Holds one unit of each of the first `n` variants (one allocation each). */
const hold = (f: Fixture, id: string, n: number, companion?: Companion) =>
  f.reservations.reserve(
    {
      reservationId: id,
      ref: `order-${id}`,
      lines: variants.slice(0, n).map((v) => ({ variantId: v, quantity: 1 })),
    },
    undefined,
    companion,
  );

describe('chunked settlement of large reservations', () => {
  let f: Fixture;

  beforeAll(async () => {
    f = await inventoryFixture();
    await f.locations.create({ id: 'wh', name: 'W', kind: 'warehouse', priority: 1, regions: [] });
    await Promise.all(
      variants.map((v) =>
        f.admin.put(v, { levels: [{ locationId: 'wh', onHand: ON_HAND }], reason: 'count' }, 'test'),
      ),
    );
  }, scaled(60_000));

  it('commits 60 allocations with a 2-item companion in 1 Get + 2 transactions, every unit sold once', async () => {
    await hold(f, 'c60', 60);
    const before = await totals(f);
    const { result, counts } = await countingRequests(() =>
      settleReservation(f.table, 'c60', 'commit', undefined, () => companionItems(f.table, 'c60', 2)),
    );

    expect(result.changed).toBe(true);
    expect(result.reservation).toMatchObject({ status: 'committed', settledThrough: 60 });
    expect(counts).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 2 });
    expect(await totals(f)).toEqual({
      onHand: before.onHand - 60,
      reserved: before.reserved - 60,
      available: before.available,
    });
    const ledger = await sales(f, 'c60');
    expect(ledger).toHaveLength(60);
    expect(new Set(ledger.map((e) => e.variantId)).size).toBe(60);
    expect(await companionCount(f, 'c60', 2)).toBe(2);
    expect(await reservationItem(f, 'c60')).toMatchObject({ settledThrough: 60 });
    await expectInvariants(f.table);
  });

  it.each([
    { companion: 8, transactions: 1 },
    { companion: 12, transactions: 2 },
  ])(
    'releases 90 allocations with a $companion-item companion in $transactions transaction(s)',
    async ({ companion, transactions }) => {
      const id = `r90-${companion}`;
      await hold(f, id, 90);
      const before = await totals(f);
      const { result, counts } = await countingRequests(() =>
        settleReservation(f.table, id, 'release', undefined, () => companionItems(f.table, id, companion)),
      );

      expect(result).toMatchObject({
        changed: true,
        reservation: { status: 'released', settledThrough: 90 },
      });
      expect(counts).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: transactions });
      expect(await totals(f)).toEqual({
        onHand: before.onHand,
        reserved: before.reserved - 90,
        available: before.available + 90,
      });
      expect(await companionCount(f, id, companion)).toBe(companion);
      await expectInvariants(f.table);
    },
  );

  it('finishes a commit that stopped after its first transaction, without applying the companion again', async () => {
    await hold(f, 'crash', 90);
    const before = await totals(f);
    let companionCalls = 0;
    const companion = () => {
      companionCalls++;
      return companionItems(f.table, 'crash', 2);
    };

    // The caller dies right after T0: decided and paid, 48 allocations sold, 42 still held.
    const decided = await decideSettlement(f.table, 'crash', 'commit', undefined, companion);
    expect(decided).toMatchObject({
      changed: true,
      reservation: { status: 'committed', settledThrough: 48 },
    });
    expect(await totals(f)).toEqual({
      onHand: before.onHand - 48,
      reserved: before.reserved - 48,
      available: before.available,
    });
    expect((await f.stock.variantStock(variants[89]!))!.reserved).toBeGreaterThan(0);

    // The retry (even one asking to release) finishes the commit the reservation records.
    const retried = await settleReservation(f.table, 'crash', 'release', undefined, companion);
    expect(retried).toMatchObject({
      changed: false,
      reservation: { status: 'committed', settledThrough: 90 },
    });
    expect(companionCalls).toBe(1);
    expect(await companionCount(f, 'crash', 2)).toBe(2);
    expect(await totals(f)).toEqual({
      onHand: before.onHand - 90,
      reserved: before.reserved - 90,
      available: before.available,
    });
    expect(await sales(f, 'crash')).toHaveLength(90);
    expect(await eventsOf(f, 'crash')).toEqual(['StockCommitted', 'StockReserved']);
    await expectInvariants(f.table);
  });

  it('applies every chunk once when settles race', async () => {
    await Promise.all([hold(f, 'race-a', 90), hold(f, 'race-b', 90)]);
    const before = await totals(f);

    // Two whole settles of one reservation: one decides, both may apply chunks.
    const both = await Promise.all([
      settleReservation(f.table, 'race-a', 'commit'),
      settleReservation(f.table, 'race-a', 'commit'),
    ]);
    expect(both.filter((s) => s.changed)).toHaveLength(1);

    // Many small chunks (5 allocations each) raced by four finishers.
    const decided = await decideSettlement(f.table, 'race-b', 'commit');
    const finished = await Promise.all([
      finishSettlement(f.table, decided.reservation, undefined, 11),
      finishSettlement(f.table, decided.reservation, undefined, 11),
      finishSettlement(f.table, decided.reservation, undefined, 21),
      settleReservation(f.table, 'race-b', 'commit'),
    ]);
    expect(finished.map((r) => ('reservation' in r ? r.reservation : r).settledThrough)).toEqual([
      90, 90, 90, 90,
    ]);

    expect(await totals(f)).toEqual({
      onHand: before.onHand - 180,
      reserved: before.reserved - 180,
      available: before.available,
    });
    expect(await sales(f, 'race-a')).toHaveLength(90);
    expect(await eventsOf(f, 'race-a')).toEqual(['StockCommitted', 'StockReserved']);
    expect(await sales(f, 'race-b')).toHaveLength(90);
    await expectInvariants(f.table);
  });

  it('refuses a reservation whose allocations and companion exceed one transaction, holding nothing', async () => {
    const companion = (n: number): Companion => ({
      items: () => companionItems(f.table, `reserve-${n}`, n),
      refused: () => new Error('refused'),
    });
    const before = await totals(f);
    // 90 holds + the reservation + StockReserved + 9 = 101 items.
    await expect(hold(f, 'too-big', 90, companion(9))).rejects.toMatchObject({
      statusCode: 422,
      code: 'reservation_too_large',
    });
    expect(await totals(f)).toEqual(before);
    expect(await reservationItem(f, 'too-big')).toBeUndefined();

    // 8 companion items make exactly 100: it fits.
    expect((await hold(f, 'just-fits', 90, companion(8))).status).toBe('held');
    expect(await companionCount(f, 'reserve-8', 8)).toBe(8);
    expect((await totals(f)).reserved).toBe(before.reserved + 90);
  });
});
