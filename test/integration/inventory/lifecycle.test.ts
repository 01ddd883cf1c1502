import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { expireDue } from '#contexts/inventory/data/expiry.ts';
import { heldBucket } from '#contexts/inventory/data/items.ts';
import { reservationKeys } from '#contexts/inventory/data/keys.ts';
import { listReservations } from '#contexts/inventory/data/reservation-queries.ts';
import { settleReservation } from '#contexts/inventory/data/settle.ts';
import { OutOfStockError, UnknownVariantError } from '#contexts/inventory/domain/errors.ts';
import { MAX_SHARDS } from '#contexts/inventory/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { ValidationError } from '#platform/errors/index.ts';
import { expectInvariants, inventoryFixture, outboxCounts } from './harness.ts';

type Fixture = Awaited<ReturnType<typeof inventoryFixture>>;
const admin = 'admin-test';
const line = (variantId: string, quantity: number) => ({ variantId, quantity });

describe('reservation lifecycle', () => {
  let f: Fixture;

  beforeAll(async () => {
    f = await inventoryFixture();
    await f.locations.create({ id: 'wh-a', name: 'A', kind: 'warehouse', priority: 1, regions: [] });
    await f.locations.create({ id: 'wh-b', name: 'B', kind: 'warehouse', priority: 2, regions: ['EU'] });
    await f.admin.put(
      'sku-1',
      {
        levels: [
          { locationId: 'wh-a', onHand: 5 },
          { locationId: 'wh-b', onHand: 10 },
        ],
        lowStockThreshold: 3,
        reason: 'count',
      },
      admin,
    );
  });

  it('releases once: a second release is a no-op and returns no units twice', async () => {
    await f.reservations.reserve({ reservationId: 'rel-1', ref: 'cart-1', lines: [line('sku-1', 2)] });
    expect(await f.stock.variantStock('sku-1')).toMatchObject({ reserved: 2, available: 13 });
    const first = await settleReservation(f.table, 'rel-1', 'release');
    const second = await settleReservation(f.table, 'rel-1', 'release');
    expect([first.changed, second.changed]).toEqual([true, false]);
    expect(await f.stock.variantStock('sku-1')).toMatchObject({ onHand: 15, reserved: 0, available: 15 });
    await expectInvariants(f.table);
  });

  it('commits once: stock leaves on-hand, the ledger records the sale, and release after commit changes nothing', async () => {
    await f.reservations.reserve({ reservationId: 'com-1', ref: 'order-1', lines: [line('sku-1', 3)] });
    const results = await Promise.all([
      settleReservation(f.table, 'com-1', 'commit'),
      settleReservation(f.table, 'com-1', 'commit'),
      settleReservation(f.table, 'com-1', 'release'),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const stock = await f.stock.variantStock('sku-1');
    expect(stock!.reserved).toBe(0);
    expect([12, 15]).toContain(stock!.onHand);
    await expectInvariants(f.table);
  });

  it('returns the first reservation when reserve is retried with the same id', async () => {
    const first = await f.reservations.reserve({
      reservationId: 'idem-1',
      ref: 'cart-2',
      lines: [line('sku-1', 1)],
    });
    const again = await f.reservations.reserve({
      reservationId: 'idem-1',
      ref: 'cart-2',
      lines: [line('sku-1', 1)],
    });
    expect(again).toEqual(first);
    await settleReservation(f.table, 'idem-1', 'release');
  });

  it('fills from one location when one can, splitting only when none can', async () => {
    const single = await f.reservations.reserve({
      reservationId: 'src-1',
      ref: 'c',
      lines: [line('sku-1', 2)],
    });
    expect(single.allocations.map((a) => a.locationId)).toEqual(['wh-a']);
    await settleReservation(f.table, 'src-1', 'release');
    const available = (await f.stock.variantStock('sku-1'))!.available;
    const split = await f.reservations.reserve({
      reservationId: 'src-2',
      ref: 'c',
      lines: [line('sku-1', available)],
    });
    expect(split.allocations.map((a) => a.locationId).sort()).toEqual(['wh-a', 'wh-b']);
    await settleReservation(f.table, 'src-2', 'release');
  });

  it('sources only from locations serving the sales region', async () => {
    const r = await f.reservations.reserve({
      reservationId: 'reg-1',
      ref: 'c',
      region: 'US',
      lines: [line('sku-1', 1)],
    });
    expect(r.allocations.map((a) => a.locationId)).toEqual(['wh-a']);
    await settleReservation(f.table, 'reg-1', 'release');
  });

  it('rejects an unknown variant with 404 naming it, and reserves nothing', async () => {
    const before = await f.stock.variantStock('sku-1');
    const error = await f.reservations
      .reserve({ reservationId: 'unk-1', ref: 'c', lines: [line('sku-1', 1), line('no-such', 1)] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownVariantError);
    expect((error as UnknownVariantError).statusCode).toBe(404);
    expect((error as UnknownVariantError).variantIds).toEqual(['no-such']);
    expect(await f.stock.variantStock('sku-1')).toEqual(before);
  });

  it.each([
    ['a negative quantity', -1],
    ['a zero quantity', 0],
    ['a fractional quantity', 1.5],
  ])('rejects %s with 400', async (_, quantity) => {
    await expect(
      f.reservations.reserve({ reservationId: 'bad-1', ref: 'c', lines: [line('sku-1', quantity)] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('names the short line in OutOfStockError', async () => {
    const error = await f.reservations
      .reserve({ reservationId: 'oos-1', ref: 'c', lines: [line('sku-1', 1000)] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutOfStockError);
    expect((error as OutOfStockError).short).toEqual([
      { variantId: 'sku-1', requested: 1000, available: expect.any(Number) },
    ]);
  });

  it('releases a held reservation past its expiry on its own sweep, once, with ReservationExpired', async () => {
    const past = new Date(Date.now() - 60_000);
    await f.reservations.reserve(
      { reservationId: 'exp-1', ref: 'cart-x', holdSeconds: 1, lines: [line('sku-1', 2)] },
      () => past,
    );
    await f.reservations.reserve({
      reservationId: 'exp-2',
      ref: 'cart-y',
      holdSeconds: 3600,
      lines: [line('sku-1', 1)],
    });
    const reservedBefore = (await f.stock.variantStock('sku-1'))!.reserved;
    const sweep = await expireDue(f.table, new Date());
    expect(sweep.expired).toEqual(['exp-1']);
    expect((await f.stock.variantStock('sku-1'))!.reserved).toBe(reservedBefore - 2);
    expect((await expireDue(f.table, new Date())).expired).toEqual([]);
    expect((await outboxCounts(f.table)).ReservationExpired).toBe(1);
    await settleReservation(f.table, 'exp-2', 'release');
    await expectInvariants(f.table);
  });

  it('lists the reservation of an order by its ref, read by key, and nothing for a ref it is not', async () => {
    const orderId = `ref-order-${Date.now()}`;
    await f.reservations.reserve({
      reservationId: orderId,
      ref: `order:${orderId}`,
      lines: [line('sku-1', 1)],
    });
    const found = await listReservations(f.table, { ref: `order:${orderId}`, limit: 20 });
    expect(found.map((r) => [r.id, r.ref, r.status])).toEqual([[orderId, `order:${orderId}`, 'held']]);
    expect(await listReservations(f.table, { ref: `cart:${orderId}`, limit: 20 })).toEqual([]);
    expect(await listReservations(f.table, { ref: orderId, limit: 20 })).toEqual([]);
    const item = await documentClient().send(
      new GetCommand({ TableName: f.table, Key: reservationKeys.reservation(orderId) }),
    );
    expect(Object.keys(item.Item ?? {}).filter((k) => k.startsWith('gsi2'))).toEqual([]);
    await settleReservation(f.table, orderId, 'release');
    await expectInvariants(f.table);
  });

  it('still finds, lists and expires a reservation held in a bucket of the former count (16)', async () => {
    // An id whose bucket under 16 differs from its bucket now, stored as the code before wrote it.
    const id = Array.from({ length: 100 }, (_, i) => `old-bucket-${i}`).find((c) => heldBucket(c) >= 16)!;
    const past = new Date(Date.now() - 60_000);
    await f.reservations.reserve(
      { reservationId: id, ref: 'cart-old', holdSeconds: 1, lines: [line('sku-1', 1)] },
      () => past,
    );
    const oldBucket = heldBucket(id) % 16;
    await documentClient().send(
      new UpdateCommand({
        TableName: f.table,
        Key: reservationKeys.reservation(id),
        UpdateExpression: 'SET gsi1pk = :old',
        ExpressionAttributeValues: { ':old': reservationKeys.heldPartition(oldBucket) },
      }),
    );
    expect((await listReservations(f.table, { limit: 100 })).map((r) => r.id)).toContain(id);
    expect((await expireDue(f.table, new Date())).expired).toEqual([id]);
    expect((await expireDue(f.table, new Date())).expired).toEqual([]);
    await expectInvariants(f.table);
  });
});

describe('stock adjustments', () => {
  let f: Fixture;

  beforeAll(async () => {
    f = await inventoryFixture();
    await f.locations.create({ id: 'wh-a', name: 'A', kind: 'warehouse', priority: 1, regions: [] });
  });

  it('records receipts, shrinkage, returns and corrections in the ledger, which replays to on-hand', async () => {
    await f.admin.adjust(
      'sku-2',
      { locationId: 'wh-a', type: 'receipt', quantity: 20, reason: 'PO-1' },
      admin,
    );
    await f.admin.adjust(
      'sku-2',
      { locationId: 'wh-a', type: 'shrinkage', quantity: 3, reason: 'damaged' },
      admin,
    );
    await f.admin.adjust(
      'sku-2',
      { locationId: 'wh-a', type: 'return', quantity: 1, reason: 'RMA-9' },
      admin,
    );
    await f.admin.adjust(
      'sku-2',
      { locationId: 'wh-a', type: 'correction', direction: 'decrease', quantity: 2, reason: 'recount' },
      admin,
    );
    expect(await f.stock.variantStock('sku-2')).toMatchObject({ onHand: 16, available: 16 });
    expect((await outboxCounts(f.table)).InventoryAdjusted).toBe(4);
    await expectInvariants(f.table);
  });

  it('refuses with 422 an adjustment that would make on-hand negative', async () => {
    await expect(
      f.admin.adjust('sku-2', { locationId: 'wh-a', type: 'shrinkage', quantity: 999, reason: 'x' }, admin),
    ).rejects.toMatchObject({ statusCode: 422, code: 'negative_on_hand' });
  });

  it('refuses with 422 removing units that are reserved', async () => {
    await f.reservations.reserve({ reservationId: 'adj-r', ref: 'c', lines: [line('sku-2', 10)] });
    await expect(
      f.admin.adjust('sku-2', { locationId: 'wh-a', type: 'shrinkage', quantity: 10, reason: 'x' }, admin),
    ).rejects.toMatchObject({ statusCode: 422, code: 'insufficient_available' });
    await expectInvariants(f.table);
  });

  it('answers 404 for an unknown location', async () => {
    await expect(
      f.admin.adjust('sku-2', { locationId: 'nowhere', type: 'receipt', quantity: 1, reason: 'x' }, admin),
    ).rejects.toMatchObject({ statusCode: 404, code: 'location_not_found' });
  });

  it('reshards a variant hot and back, keeping every unit and the ledger in step', async () => {
    await f.admin.put(
      'sku-3',
      { levels: [{ locationId: 'wh-a', onHand: 80 }], shards: 8, reason: 'flash sale' },
      admin,
    );
    const hot = await f.stock.variantStock('sku-3');
    expect(hot).toMatchObject({ shards: 8, onHand: 80, available: 80 });
    expect((await f.stock.allShards('sku-3', 8)).map((s) => s.onHand)).toEqual(Array(8).fill(10));
    await f.admin.put('sku-3', { shards: 1, levels: [], reason: 'sale over' }, admin);
    expect((await f.stock.allShards('sku-3', 1))[0]).toMatchObject({ onHand: 80 });
    await expectInvariants(f.table);
  });

  it(`sets, adjusts and shrinks a variant at the most shards (${MAX_SHARDS}): each location one transaction of ≤ 100 items`, async () => {
    // Every shard gets a level Update and a ledger Put, plus InventoryAdjusted: 2 × 48 + 1 = 97 items.
    const onHand = 2 * MAX_SHARDS + 5;
    await f.admin.put(
      'sku-max',
      { levels: [{ locationId: 'wh-a', onHand }], shards: MAX_SHARDS, reason: 'flash sale' },
      admin,
    );
    const shards = await f.stock.allShards('sku-max', MAX_SHARDS);
    expect(shards).toHaveLength(MAX_SHARDS);
    expect(shards.every((s) => s.onHand === 2 || s.onHand === 3)).toBe(true);
    // A receipt spread over every shard: again 97 items in one transaction.
    await f.admin.adjust(
      'sku-max',
      { locationId: 'wh-a', type: 'receipt', quantity: MAX_SHARDS, reason: 'PO-2' },
      admin,
    );
    expect(await f.stock.variantStock('sku-max')).toMatchObject({ onHand: onHand + MAX_SHARDS });
    await f.admin.put('sku-max', { shards: 1, levels: [], reason: 'sale over' }, admin);
    expect((await f.stock.allShards('sku-max', MAX_SHARDS)).map((s) => s.onHand)).toEqual([
      onHand + MAX_SHARDS,
      ...Array(MAX_SHARDS - 1).fill(0),
    ]);
    await expectInvariants(f.table);
  });
});
