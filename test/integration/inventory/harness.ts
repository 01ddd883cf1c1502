import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { StockAdmin } from '#contexts/inventory/data/admin-stock.ts';
import { Entity } from '#contexts/inventory/data/keys.ts';
import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { ReservationService } from '#contexts/inventory/data/reserve.ts';
import { StockReader } from '#contexts/inventory/data/stock-reader.ts';
import { invariantViolation } from '#contexts/inventory/domain/stock.ts';
import { documentClient } from '#platform/data/client.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { outboxEvents } from '../../support/outbox.ts';

/** A fresh table with the inventory services wired to it (no caching, so tests see their own writes). */
export const inventoryFixture = async () => {
  useLocalDynamo();
  const table = await createTestTable();
  const stock = new StockReader(table, { cacheMs: 0 });
  const locations = new LocationRepository(table, { cacheMs: 0 });
  return {
    table,
    stock,
    locations,
    admin: new StockAdmin(table, stock, locations),
    reservations: new ReservationService(table, stock, locations),
  };
};

/** Every item of one entity type in the test table. */
export const scanEntity = async (table: string, entity: string) => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': entity },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/**
 * The invariants, checked after every scenario: every shard level has available = onHand − reserved ≥ 0,
 * and the ledger replays (sum of deltas per variant, location and shard) to each shard's on-hand stock.
 */
export const expectInvariants = async (table: string) => {
  const levels = await scanEntity(table, Entity.stockLevel);
  const ledger = await scanEntity(table, Entity.stockLedger);
  const replayed = new Map<string, number>();
  for (const e of ledger) {
    const key = `${e.variantId}|${e.locationId}|${e.shard}`;
    replayed.set(key, (replayed.get(key) ?? 0) + (e.delta as number));
  }
  for (const l of levels) {
    const figures = {
      onHand: l.onHand as number,
      reserved: l.reserved as number,
      available: l.available as number,
    };
    expect(invariantViolation(figures), `${l.pk} ${l.sk}`).toBeUndefined();
    expect(replayed.get(`${l.variantId}|${l.locationId}|${l.shard}`) ?? 0, `ledger of ${l.pk} ${l.sk}`).toBe(
      figures.onHand,
    );
  }
  return levels;
};

/**
 * Counts the DynamoDB commands this test process sends (by command name) until `stop()`, so a race
 * test can show that its contenders really collided (more transactions sent than reservations held).
 */
export const countCommands = () => {
  const counts: Record<string, number> = {};
  const name = `count-commands-${Math.random()}`;
  documentClient().middlewareStack.add(
    (next, context) => (args) => {
      const command = String(context.commandName);
      counts[command] = (counts[command] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    counts,
    stop: () => {
      documentClient().middlewareStack.remove(name);
    },
  };
};

/** The detail-types of every outbox record in the table, counted. */
export const outboxCounts = async (table: string) => {
  const counts: Record<string, number> = {};
  for (const o of await outboxEvents(table)) {
    const type = o.detailType as string;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
};
