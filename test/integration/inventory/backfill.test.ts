import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { StockAlertMonitor } from '#contexts/inventory/data/alerts.ts';
import { stockAlertsV1 } from '#contexts/inventory/data/backfill.ts';
import { Entity, stockKeys } from '#contexts/inventory/data/keys.ts';
import { runBackfill } from '#platform/data/backfill.ts';
import { documentClient } from '#platform/data/client.ts';
import { countCommands, inventoryFixture, outboxCounts, scanEntity } from './harness.ts';

type Fixture = Awaited<ReturnType<typeof inventoryFixture>>;
const actor = 'admin-test';

/** An alert state as the monitor stored it before stock-alerts-v1: beside the settings, in shard 0. */
const oldState = (
  variantId: string,
  state: { low: boolean; out: boolean; last: number; version: number },
) => ({
  ...stockKeys.legacyAlerts(variantId),
  entity: Entity.stockAlerts,
  variantId,
  lowAlerted: state.low,
  outAlerted: state.out,
  lastAvailable: state.last,
  threshold: 5,
  version: state.version,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const get = async (table: string, key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

describe('stock-alerts-v1 (backfill)', () => {
  let f: Fixture;
  const plain = Array.from({ length: 24 }, (_, i) => `bf-plain-${i}`);

  beforeAll(async () => {
    f = await inventoryFixture();
    await f.locations.create({ id: 'wh-a', name: 'A', kind: 'warehouse', priority: 1, regions: [] });
    const stocked = [
      { variantId: 'bf-low', onHand: 3 },
      { variantId: 'bf-out', onHand: 0 },
      { variantId: 'bf-both', onHand: 4 },
      ...plain.map((variantId) => ({ variantId, onHand: 50 })),
    ];
    for (const { variantId, onHand } of stocked)
      await f.admin.put(
        variantId,
        { levels: [{ locationId: 'wh-a', onHand }], lowStockThreshold: 5, shards: 2, reason: 'count' },
        actor,
      );
    const old = [
      oldState('bf-low', { low: true, out: false, last: 3, version: 4 }),
      oldState('bf-out', { low: true, out: true, last: 0, version: 2 }),
      oldState('bf-both', { low: true, out: false, last: 4, version: 3 }),
      ...plain.map((v, i) => oldState(v, { low: false, out: false, last: 50, version: i + 1 })),
    ];
    for (let i = 0; i < old.length; i += 25)
      await documentClient().send(
        new BatchWriteCommand({
          RequestItems: { [f.table]: old.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    // bf-both was also seen by the new monitor during the roll-out: its state at the new key is newer.
    await documentClient().send(
      new PutCommand({
        TableName: f.table,
        Item: {
          ...oldState('bf-both', { low: true, out: false, last: 4, version: 5 }),
          ...stockKeys.alerts('bf-both'),
        },
      }),
    );
  });

  it('moves every old state to its own key once, keeps a newer one already there, and a second run moves nothing', async () => {
    const first = await runBackfill(f.table, stockAlertsV1, { segments: 3, pageSize: 7 });
    expect(first.migrated).toBe(27);
    const states = await scanEntity(f.table, Entity.stockAlerts);
    expect(states.filter((s) => !String(s.pk).startsWith('STOCKALERT#'))).toEqual([]);
    expect(states).toHaveLength(27);
    expect(await get(f.table, stockKeys.alerts('bf-low'))).toMatchObject({
      lowAlerted: true,
      outAlerted: false,
      lastAvailable: 3,
      threshold: 5,
      version: 4,
    });
    expect(await get(f.table, stockKeys.alerts('bf-both'))).toMatchObject({ version: 5 });
    expect(await get(f.table, stockKeys.legacyAlerts('bf-both'))).toBeUndefined();

    // The same run again resumes from its finished checkpoints; a fresh run finds nothing left to move.
    expect(await runBackfill(f.table, stockAlertsV1, { segments: 3 })).toMatchObject({
      migrated: 27,
      resumedDone: 3,
    });
    const again = await runBackfill(
      f.table,
      { ...stockAlertsV1, name: 'stock-alerts-v1-again' },
      { segments: 2 },
    );
    expect(again).toMatchObject({ scanned: 27, migrated: 0 });
    expect(await stockAlertsV1.migrate(f.table, states[0]!)).toEqual([]);
  });

  it('leaves the monitor reading the moved state: no alert repeats, and an unchanged check writes nothing', async () => {
    const monitor = new StockAlertMonitor(f.table);
    const variants = ['bf-low', 'bf-out', 'bf-both', plain[0]!];
    // A state from before channel availability gets each channel's first figure once (one event per
    // variant with stock: the default channel)…
    const first = await Promise.all(variants.map((v) => monitor.check(v)));
    expect(first.map((c) => c!.alerts)).toEqual([[], [], [], []]);
    const stocked = first.filter((c) => c!.available > 0).length;
    expect(stocked).toBeGreaterThan(0);
    expect((await outboxCounts(f.table)).AvailabilityChanged).toBe(stocked);
    // …and from then on an unchanged check writes nothing.
    const writes = countCommands();
    const checks = await Promise.all(variants.map((v) => monitor.check(v)));
    writes.stop();
    expect(checks.map((c) => c!.alerts)).toEqual([[], [], [], []]);
    expect(writes.counts.TransactWriteItemsCommand ?? 0).toBe(0);
    expect(writes.counts.PutItemCommand ?? 0).toBe(0);
    const outbox = await outboxCounts(f.table);
    expect(outbox.LowStock ?? 0).toBe(0);
    expect(outbox.OutOfStock ?? 0).toBe(0);
    expect(outbox.AvailabilityChanged).toBe(stocked);
  });
});
