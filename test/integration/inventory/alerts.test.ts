import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { StockAlertMonitor } from '#contexts/inventory/data/alerts.ts';
import { stockSettingsItem } from '#contexts/inventory/data/items.ts';
import { Entity, stockKeys } from '#contexts/inventory/data/keys.ts';
import { settleReservation } from '#contexts/inventory/data/settle.ts';
import { documentClient } from '#platform/data/client.ts';
import { outboxEvents } from '../../support/outbox.ts';
import { countCommands, inventoryFixture } from './harness.ts';

type Fixture = Awaited<ReturnType<typeof inventoryFixture>>;
const actor = 'admin-test';
const line = (variantId: string, quantity: number) => ({ variantId, quantity });

/** The monitor's state item of a variant (its own partition), read consistently. */
const alertState = async (table: string, variantId: string) =>
  (
    await documentClient().send(
      new GetCommand({ TableName: table, Key: stockKeys.alerts(variantId), ConsistentRead: true }),
    )
  ).Item;

/**
 * Holds the next TransactWriteItems this process sends until `open()` (`reached` resolves once it is
 * held): a check that has read and decided, caught before its write lands.
 */
const holdNextTransaction = () => {
  let open: () => void = () => {};
  let signal: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const name = `hold-transaction-${Math.random()}`;
  let used = false;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (!used && context.commandName === 'TransactWriteItemsCommand') {
        used = true;
        signal();
        await released;
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    reached,
    open: () => {
      documentClient().middlewareStack.remove(name);
      open();
    },
  };
};

describe('stock alerts (the stockAlerts pipe target, against a test table)', () => {
  let f: Fixture;
  let monitor: StockAlertMonitor;

  /** The alert events in the outbox for one variant, oldest first (one check's alerts by type). */
  const alertsOf = async (variantId: string) =>
    (await outboxEvents(f.table))
      .map((o) => ({
        type: o.detailType as string,
        detail: o.detail as { occurredAt: string; data: { variantId?: string } },
      }))
      .filter(
        (o) => o.detail.data.variantId === variantId && (o.type === 'LowStock' || o.type === 'OutOfStock'),
      )
      .sort((a, b) => `${a.detail.occurredAt}${a.type}`.localeCompare(`${b.detail.occurredAt}${b.type}`))
      .map((o) => ({ type: o.type, data: o.detail.data }));

  beforeAll(async () => {
    f = await inventoryFixture();
    monitor = new StockAlertMonitor(f.table);
    await f.locations.create({ id: 'wh-a', name: 'A', kind: 'warehouse', priority: 1, regions: [] });
    await f.locations.create({ id: 'wh-b', name: 'B', kind: 'warehouse', priority: 2, regions: [] });
  });

  it('emits LowStock once when the total over locations crosses the threshold, however often it is checked', async () => {
    const levels = [
      { locationId: 'wh-a', onHand: 4 },
      { locationId: 'wh-b', onHand: 4 },
    ];
    await f.admin.put('al-1', { levels, lowStockThreshold: 5, reason: 'count' }, actor);
    expect(await monitor.check('al-1')).toMatchObject({ available: 8, threshold: 5, alerts: [] });

    // 3 units leave wh-a: wh-a alone is at 1, but the total (5) is what crosses.
    await f.reservations.reserve({ reservationId: 'al-1-r1', ref: 'cart', lines: [line('al-1', 3)] });
    // Every record of a batch, a retried batch, and concurrent pipe invocations check again.
    const checks = await Promise.all(Array.from({ length: 8 }, () => monitor.check('al-1')));
    expect(checks.flatMap((c) => c!.alerts)).toEqual(['LowStock']);
    expect(await alertsOf('al-1')).toEqual([
      { type: 'LowStock', data: { variantId: 'al-1', available: 5, threshold: 5 } },
    ]);

    // Further down but not yet zero: no new crossing.
    await f.reservations.reserve({ reservationId: 'al-1-r2', ref: 'cart', lines: [line('al-1', 2)] });
    expect((await monitor.check('al-1'))!.alerts).toEqual([]);
    expect(await alertsOf('al-1')).toHaveLength(1);
  });

  it('emits OutOfStock at zero, re-arms when stock rises back, and alerts again on the next crossing', async () => {
    await f.admin.put(
      'al-2',
      { levels: [{ locationId: 'wh-a', onHand: 6 }], lowStockThreshold: 2, reason: 'count' },
      actor,
    );
    await monitor.check('al-2');
    await f.reservations.reserve({ reservationId: 'al-2-r1', ref: 'cart', lines: [line('al-2', 6)] });
    // One change from above the threshold to zero crosses both lines.
    expect((await monitor.check('al-2'))!.alerts).toEqual(['LowStock', 'OutOfStock']);
    expect((await monitor.check('al-2'))!.alerts).toEqual([]);

    // Released: back above the threshold, both re-arm (silently).
    await settleReservation(f.table, 'al-2-r1', 'release');
    expect((await monitor.check('al-2'))!.alerts).toEqual([]);
    // An admin adjustment takes it low again: a new crossing, one new LowStock.
    await f.admin.adjust(
      'al-2',
      { locationId: 'wh-a', type: 'shrinkage', quantity: 4, reason: 'damaged' },
      actor,
    );
    expect((await monitor.check('al-2'))!.alerts).toEqual(['LowStock']);
    expect((await alertsOf('al-2')).map((a) => a.type)).toEqual(['LowStock', 'OutOfStock', 'LowStock']);
  });

  it('sums every shard of a hot variant', async () => {
    await f.admin.put(
      'al-hot',
      { levels: [{ locationId: 'wh-a', onHand: 8 }], lowStockThreshold: 3, shards: 4, reason: 'count' },
      actor,
    );
    expect(await monitor.check('al-hot')).toMatchObject({ available: 8, alerts: [] });
    // Each single-unit reservation lands on one shard (2 units each); only the total crosses.
    for (let i = 0; i < 5; i++)
      await f.reservations.reserve({ reservationId: `al-hot-${i}`, ref: 'cart', lines: [line('al-hot', 1)] });
    expect(await monitor.check('al-hot')).toMatchObject({ available: 3, alerts: ['LowStock'] });
    for (let i = 5; i < 8; i++)
      await f.reservations.reserve({ reservationId: `al-hot-${i}`, ref: 'cart', lines: [line('al-hot', 1)] });
    expect(await monitor.check('al-hot')).toMatchObject({ available: 0, alerts: ['OutOfStock'] });
    expect((await alertsOf('al-hot')).map((a) => a.type)).toEqual(['LowStock', 'OutOfStock']);
  });

  it('ignores a variant whose stock is not tracked', async () => {
    expect(await monitor.check('al-none')).toBeUndefined();
  });

  it('reports nothing for settings written before any level (a first put in progress): not stocked is not sold out', async () => {
    // What the stream shows between a first put's settings write and its level writes.
    await documentClient().send(
      new PutCommand({
        TableName: f.table,
        Item: stockSettingsItem({ variantId: 'al-first', shards: 2, lowStockThreshold: 5, version: 1 }),
      }),
    );
    expect(await monitor.check('al-first')).toBeUndefined();
    await f.admin.put('al-first', { levels: [{ locationId: 'wh-a', onHand: 0 }], reason: 'count' }, actor);
    expect(await monitor.check('al-first')).toMatchObject({
      available: 0,
      alerts: ['LowStock', 'OutOfStock'],
    });
    expect((await alertsOf('al-first')).map((a) => a.type)).toEqual(['LowStock', 'OutOfStock']);
  });

  it('keeps its state in its own partition, never in shard 0 beside the levels', async () => {
    await f.admin.put(
      'al-own',
      { levels: [{ locationId: 'wh-a', onHand: 9 }], lowStockThreshold: 2, shards: 3, reason: 'count' },
      actor,
    );
    await monitor.check('al-own');
    expect(await alertState(f.table, 'al-own')).toMatchObject({
      pk: 'STOCKALERT#al-own',
      entity: Entity.stockAlerts,
      lowAlerted: false,
      outAlerted: false,
      lastAvailable: 9,
      version: 1,
    });
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: f.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': stockKeys.shardPartition('al-own', 0) },
        ConsistentRead: true,
      }),
    );
    expect(Items.map((i) => i.entity).sort()).toEqual([Entity.stockLevel, Entity.stockSettings]);
  });

  it('writes nothing when a check changes neither a flag nor the summary, and refreshes a stale summary', async () => {
    await f.admin.put(
      'al-quiet',
      { levels: [{ locationId: 'wh-a', onHand: 100 }], lowStockThreshold: 5, shards: 2, reason: 'count' },
      actor,
    );
    await monitor.check('al-quiet');
    // 9 units held: the total (91) moved less than a tenth of the summary (100), no line was crossed.
    for (let i = 0; i < 9; i++)
      await f.reservations.reserve({
        reservationId: `al-quiet-${i}`,
        ref: 'cart',
        lines: [line('al-quiet', 1)],
      });
    const quiet = countCommands();
    const checks = await Promise.all(Array.from({ length: 4 }, () => monitor.check('al-quiet')));
    quiet.stop();
    expect(checks.map((c) => c!.available)).toEqual([91, 91, 91, 91]);
    expect(quiet.counts.TransactWriteItemsCommand ?? 0).toBe(0);
    expect(quiet.counts.PutItemCommand ?? 0).toBe(0);
    expect(await alertState(f.table, 'al-quiet')).toMatchObject({ lastAvailable: 100, version: 1 });

    // The tenth unit makes it 10 %: one write, and the summary is exact again.
    await f.reservations.reserve({ reservationId: 'al-quiet-9', ref: 'cart', lines: [line('al-quiet', 1)] });
    const refresh = countCommands();
    expect(await monitor.check('al-quiet')).toMatchObject({ available: 90, alerts: [] });
    refresh.stop();
    // No alert; but the default channel's availability moved the same 10% (the same rule), so the state
    // and its AvailabilityChanged go in one transaction.
    expect(refresh.counts.TransactWriteItemsCommand).toBe(1);
    expect(refresh.counts.PutItemCommand ?? 0).toBe(0);
    expect(await alertState(f.table, 'al-quiet')).toMatchObject({ lastAvailable: 90, version: 2 });
  });

  it('corrects a crossing committed after a newer check found nothing to write, so the next crossing still alerts', async () => {
    await f.admin.put(
      'al-stale',
      { levels: [{ locationId: 'wh-a', onHand: 8 }], lowStockThreshold: 5, reason: 'count' },
      actor,
    );
    await monitor.check('al-stale');
    await f.reservations.reserve({ reservationId: 'al-stale-r1', ref: 'cart', lines: [line('al-stale', 4)] });

    // Check A reads 4 (low) and is caught before its write; meanwhile the units come back and check B
    // reads 8: armed and unchanged, so B writes nothing and leaves no version for A's write to fail on.
    const hold = holdNextTransaction();
    const a = monitor.check('al-stale');
    await hold.reached;
    await settleReservation(f.table, 'al-stale-r1', 'release');
    expect(await monitor.check('al-stale')).toMatchObject({ available: 8, alerts: [] });
    hold.open();
    // A's LowStock reports a dip that happened; its read-back finds 8 and re-arms.
    expect((await a)!.alerts).toEqual(['LowStock']);
    expect(await alertState(f.table, 'al-stale')).toMatchObject({ lowAlerted: false, lastAvailable: 8 });

    await f.reservations.reserve({ reservationId: 'al-stale-r2', ref: 'cart', lines: [line('al-stale', 4)] });
    expect((await monitor.check('al-stale'))!.alerts).toEqual(['LowStock']);
    expect((await alertsOf('al-stale')).map((a) => a.type)).toEqual(['LowStock', 'LowStock']);
  });

  it('reads a state still at its old key without alerting again, and moves it on its first check', async () => {
    await f.admin.put(
      'al-old',
      { levels: [{ locationId: 'wh-a', onHand: 3 }], lowStockThreshold: 5, reason: 'count' },
      actor,
    );
    // As the monitor stored it before stock-alerts-v1: LowStock already sent at 3 units.
    const old = {
      ...stockKeys.legacyAlerts('al-old'),
      entity: Entity.stockAlerts,
      variantId: 'al-old',
      lowAlerted: true,
      outAlerted: false,
      lastAvailable: 3,
      threshold: 5,
      version: 7,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await documentClient().send(new PutCommand({ TableName: f.table, Item: old }));
    expect(await monitor.check('al-old')).toMatchObject({ available: 3, alerts: [] });
    expect(await alertState(f.table, 'al-old')).toMatchObject({
      lowAlerted: true,
      lastAvailable: 3,
      version: 8,
    });
    const moved = await documentClient().send(
      new GetCommand({ TableName: f.table, Key: stockKeys.legacyAlerts('al-old'), ConsistentRead: true }),
    );
    expect(moved.Item).toBeUndefined();
    expect(await alertsOf('al-old')).toEqual([]);
  });

  it('writers no longer emit alerts themselves', async () => {
    await f.admin.put(
      'al-w',
      { levels: [{ locationId: 'wh-a', onHand: 2 }], lowStockThreshold: 5, reason: 'count' },
      actor,
    );
    await f.reservations.reserve({ reservationId: 'al-w-r', ref: 'cart', lines: [line('al-w', 2)] });
    expect(await alertsOf('al-w')).toEqual([]);
  });
});
