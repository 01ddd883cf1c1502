import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud.ts';
import { sendJson } from '../support/http.ts';

const admin = () => cloud().tokens.admin;
const send = (method: string, path: string, body?: unknown, token = admin()) =>
  sendJson(method, path, body, token);

describe('inventory admin API', () => {
  const run = randomUUID().slice(0, 8);
  const east = `east-${run}`;
  const west = `west-${run}`;
  const variant = `var-${run}`;
  const hot = `hot-${run}`;

  beforeAll(async () => {
    for (const [id, priority] of [
      [east, 1],
      [west, 2],
    ] as const) {
      const res = await send('POST', '/admin/stock-locations', { id, name: id, kind: 'warehouse', priority });
      expect(res.status).toBe(201);
    }
  });

  it('sets stock for a variant in two warehouses and reads it back per location', async () => {
    const put = await send('PUT', `/admin/inventory/${variant}`, {
      levels: [
        { locationId: east, onHand: 7 },
        { locationId: west, onHand: 5 },
      ],
      lowStockThreshold: 2,
    });
    expect(put.status).toBe(200);
    const got = await send('GET', `/admin/inventory/${variant}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      variantId: variant,
      onHand: 12,
      available: 12,
      shards: 1,
      lowStockThreshold: 2,
    });
    expect(got.body.levels).toEqual([
      { locationId: east, onHand: 7, reserved: 0, available: 7 },
      { locationId: west, onHand: 5, reserved: 0, available: 5 },
    ]);
  });

  it('marks a variant hot with 8 shards and reports the summed stock', async () => {
    const put = await send('PUT', `/admin/inventory/${hot}`, {
      levels: [{ locationId: east, onHand: 80 }],
      shards: 8,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ shards: 8, onHand: 80, available: 80 });
  });

  it('records an adjustment and refuses one that would make on-hand negative with 422', async () => {
    const ok = await send('POST', `/admin/inventory/${variant}/adjustments`, {
      locationId: west,
      type: 'receipt',
      quantity: 3,
      reason: 'PO-77',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.levels.find((l: { locationId: string }) => l.locationId === west)).toMatchObject({
      onHand: 8,
    });
    const bad = await send('POST', `/admin/inventory/${variant}/adjustments`, {
      locationId: west,
      type: 'shrinkage',
      quantity: 1000,
      reason: 'x',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('negative_on_hand');
  });

  it.each([
    ['a negative quantity', { locationId: 'x', type: 'receipt', quantity: -1, reason: 'x' }],
    ['a fractional quantity', { locationId: 'x', type: 'receipt', quantity: 1.5, reason: 'x' }],
    ['an unknown field', { locationId: 'x', type: 'receipt', quantity: 1, reason: 'x', extra: true }],
  ])('rejects %s with 400', async (_, body) => {
    const res = await send('POST', `/admin/inventory/${variant}/adjustments`, body);
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown location and an untracked variant', async () => {
    const adj = await send('POST', `/admin/inventory/${variant}/adjustments`, {
      locationId: `nowhere-${run}`,
      type: 'receipt',
      quantity: 1,
      reason: 'x',
    });
    expect([adj.status, adj.body.code]).toEqual([404, 'location_not_found']);
    const loc = await send('GET', `/admin/stock-locations/nowhere-${run}`);
    expect(loc.status).toBe(404);
    const stock = await send('GET', `/admin/inventory/untracked-${run}`);
    expect([stock.status, stock.body.code]).toEqual([404, 'variant_not_stocked']);
  });

  it('lists, changes and deactivates locations with optimistic concurrency', async () => {
    const list = await send('GET', '/admin/stock-locations');
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([east, west]));
    const read = await send('GET', `/admin/stock-locations/${west}`);
    expect([read.status, read.body]).toEqual([200, expect.objectContaining({ id: west, version: 1 })]);
    const changed = await send('PATCH', `/admin/stock-locations/${west}`, { version: 1, active: false });
    expect(changed.body).toMatchObject({ active: false, version: 2 });
    const stale = await send('PATCH', `/admin/stock-locations/${west}`, { version: 1, name: 'x' });
    expect(stale.status).toBe(409);
  });

  it('lists reservations for support staff', async () => {
    const res = await send('GET', `/admin/reservations?ref=order-${run}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses a customer', async () => {
    const res = await send('GET', `/admin/inventory/${variant}`, undefined, cloud().tokens.customer);
    expect(res.status).toBe(403);
  });
});
