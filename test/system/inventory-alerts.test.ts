import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { stockKeys } from '#contexts/inventory/data/keys.ts';
import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { ReservationService } from '#contexts/inventory/data/reserve.ts';
import { StockReader } from '#contexts/inventory/data/stock-reader.ts';
import { documentClient } from '#platform/data/client.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { sendJson } from '../support/http.ts';
import { outboxEvents } from '../support/outbox.ts';

const admin = (method: string, path: string, body: unknown) =>
  sendJson(method, path, body, cloud().tokens.admin);

/** The LowStock/OutOfStock events in the outbox of one variant in the cloud's table. */
const alertRecords = async (variantId: string) =>
  (await outboxEvents(cloud().tableName))
    .filter((e) => (e.detail.data as { variantId?: string }).variantId === variantId)
    .map((e) => e.detailType)
    .filter((t) => t === 'LowStock' || t === 'OutOfStock');

describe('stock alerts through the local cloud (the stockAlerts pipe)', () => {
  it('raises exactly one LowStock when concurrent reservations take the total below the threshold', async () => {
    useLocalDynamo();
    const run = randomUUID().slice(0, 8);
    const location = `alr-${run}`;
    const variant = `alr-var-${run}`;
    const created = await admin('POST', '/admin/stock-locations', {
      id: location,
      name: location,
      kind: 'warehouse',
      priority: 1,
    });
    expect(created.status).toBe(201);
    const put = await admin('PUT', `/admin/inventory/${variant}`, {
      levels: [{ locationId: location, onHand: 10 }],
      lowStockThreshold: 5,
    });
    expect(put.status).toBe(200);

    // Checkout reserves through the service (no public route): three holds at once, 10 → 4 available.
    const table = cloud().tableName;
    const reservations = new ReservationService(
      table,
      new StockReader(table, { cacheMs: 0 }),
      new LocationRepository(table, { cacheMs: 0 }),
    );
    await Promise.all(
      [0, 1, 2].map((i) =>
        reservations.reserve({
          reservationId: `r-${run}-${i}`,
          ref: `cart-${run}`,
          lines: [{ variantId: variant, quantity: 2 }],
        }),
      ),
    );

    // The monitor has seen the final total once its state records it; by then the alert is written.
    await eventually(async () => {
      const { Item } = await documentClient().send(
        new GetCommand({ TableName: table, Key: stockKeys.alerts(variant), ConsistentRead: true }),
      );
      return Item?.lastAvailable === 4 ? Item : undefined;
    }, 20_000);
    expect(await alertRecords(variant)).toEqual(['LowStock']);
    // Later records of the same changes (and any retried batch) find no new crossing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await alertRecords(variant)).toEqual(['LowStock']);
  });
});
