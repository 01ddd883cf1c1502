import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { ReservationService } from '#contexts/inventory/data/reserve.ts';
import { StockReader } from '#contexts/inventory/data/stock-reader.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, sendJson } from '../support/http.ts';

const admin = (method: string, path: string, body: unknown) =>
  sendJson(method, path, body, cloud().tokens.admin);

describe('reservation expiry through the local cloud', () => {
  it('returns an expired hold’s stock on its own (the inventoryExpiry schedule runs the sweep)', async () => {
    useLocalDynamo();
    const run = randomUUID().slice(0, 8);
    const location = `exp-${run}`;
    const variant = `exp-var-${run}`;
    expect(
      (
        await admin('POST', '/admin/stock-locations', {
          id: location,
          name: location,
          kind: 'warehouse',
          priority: 1,
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin('PUT', `/admin/inventory/${variant}`, { levels: [{ locationId: location, onHand: 5 }] }))
        .status,
    ).toBe(200);

    // Checkout reserves through the service (no public route); hold it for one second.
    const table = cloud().tableName;
    const stock = new StockReader(table, { cacheMs: 0 });
    const reservations = new ReservationService(table, stock, new LocationRepository(table, { cacheMs: 0 }));
    await reservations.reserve({
      reservationId: `r-${run}`,
      ref: `cart-${run}`,
      lines: [{ variantId: variant, quantity: 2 }],
      holdSeconds: 1,
    });
    const held = await api(`/admin/inventory/${variant}`, { token: cloud().tokens.admin });
    expect(held.body).toMatchObject({ onHand: 5, available: 3 });

    // Nobody releases it: the schedule does, once the hold has passed.
    const restored = await eventually(async () => {
      const res = await api(`/admin/inventory/${variant}`, { token: cloud().tokens.admin });
      return res.body.available === 5 ? res.body : undefined;
    }, 20_000);
    expect(restored).toMatchObject({ onHand: 5, available: 5 });
  });
});
