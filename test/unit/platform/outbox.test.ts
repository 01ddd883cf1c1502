import { describe, expect, it } from 'vitest';
import { itemSize, writeUnits } from '#platform/data/item-size.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import {
  CARRIED_EVENTS,
  coalesceOutbox,
  eventCarrier,
  MAX_OUTBOX_ITEM_JSON_BYTES,
  type OutboxEvent,
  outboxBatch,
  outboxItem,
  outboxRecordsOf,
} from '#platform/events/outbox.ts';

const now = new Date('2026-03-01T12:00:00.000Z');

/** Events shaped like a checkout's: the placing writes these three in one transaction. */
const placing: OutboxEvent[] = [
  {
    source: 'commerce.inventory',
    detailType: 'StockReserved',
    data: {
      reservationId: 'a3f1c2d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      ref: 'order:a3f1c2d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      lines: [{ variantId: 'v-1', quantity: 2 }],
      allocations: [{ variantId: 'v-1', locationId: 'wh', shard: 0, quantity: 2 }],
      expiresAt: '2026-03-01T12:30:00.000Z',
    },
  },
  {
    source: 'commerce.orders',
    detailType: 'CheckoutStarted',
    data: { orderId: 'o-1', cartId: 'c-1', customerId: null, currency: 'EUR', grandTotal: 4500 },
    schemaVersion: 2,
  },
  {
    source: 'commerce.carts',
    detailType: 'CartCheckedOut',
    data: { cartId: 'c-1', orderId: 'o-1', customerId: null },
  },
];

/** DynamoDB's size of a flat item (strings, numbers, binary), as write units are billed on. */
const itemBytes = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((sum, [name, value]) => {
    const size =
      value instanceof Uint8Array
        ? value.length
        : typeof value === 'number'
          ? Math.ceil(String(value).length / 2) + 1
          : Buffer.byteLength(String(value));
    return sum + Buffer.byteLength(name) + size;
  }, 0);

const put = (Item: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Put: { TableName: 't', Item, ...extra },
});

describe('outbox items', () => {
  it('writes the events of one transaction as ONE item, each event with its own envelope', () => {
    const items = outboxBatch(placing, now);
    expect(items).toHaveLength(1);
    const records = outboxRecordsOf(items[0]!);
    expect(records.map((r) => [r.source, r.detailType, r.detail.schemaVersion])).toEqual([
      ['commerce.inventory', 'StockReserved', 1],
      ['commerce.orders', 'CheckoutStarted', 2],
      ['commerce.carts', 'CartCheckedOut', 1],
    ]);
    expect(new Set(records.map((r) => r.detail.id)).size).toBe(3);
    expect(records.every((r) => r.detail.occurredAt === now.toISOString())).toBe(true);
    expect(records.map((r) => r.detail.data)).toEqual(placing.map((e) => e.data));
    expect(items[0]).toMatchObject({ pk: `OUTBOX#${records[0]!.detail.id}`, sk: 'OUTBOX', entity: 'OUTBOX' });
  });

  it('fits a checkout’s three events in one 1 KB write unit', () => {
    expect(itemBytes(outboxBatch(placing, now)[0]!)).toBeLessThanOrEqual(1024);
  });

  it('writes one event in the one-event form, and no item for no event', () => {
    const [single] = outboxBatch([placing[1]!], now);
    const classic = outboxItem('commerce.orders', 'CheckoutStarted', placing[1]!.data, now, 2);
    expect(Object.keys(single!).sort()).toEqual(Object.keys(classic).sort());
    expect(single).toEqual({
      ...classic,
      pk: single!.pk,
      detail: { ...classic.detail, id: expect.any(String) },
    });
    expect(outboxBatch([], now)).toEqual([]);
  });

  it('reads an item in the one-event form (as every item before batches) as its one event', () => {
    const item = outboxItem('commerce.catalog', 'ProductUpdated', { productId: 'p-1' }, now);
    expect(outboxRecordsOf(item)).toEqual([
      { source: 'commerce.catalog', detailType: 'ProductUpdated', detail: item.detail },
    ]);
  });

  it('reads a batch whose events arrive base64-encoded, as a stream record carries binary', () => {
    const item = outboxBatch(placing, now)[0]!;
    const encoded = { ...item, events: Buffer.from(item.events as Uint8Array).toString('base64') };
    expect(outboxRecordsOf(encoded)).toEqual(outboxRecordsOf(item));
  });

  it('spreads events past one item’s size over several items, each under the 400 KB item limit', () => {
    // Random text does not compress: the worst case for the limit.
    const big = (i: number): OutboxEvent => ({
      source: 'commerce.catalog',
      detailType: `Big${i}`,
      data: { blob: Buffer.from(crypto.getRandomValues(new Uint8Array(60_000))).toString('base64') },
    });
    const events = Array.from({ length: 8 }, (_, i) => big(i));
    const items = outboxBatch(events, now);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(itemBytes(item)).toBeLessThan(400 * 1024);
    expect(items.flatMap(outboxRecordsOf).map((r) => r.detailType)).toEqual(events.map((e) => e.detailType));
    expect(JSON.stringify(events).length).toBeGreaterThan(MAX_OUTBOX_ITEM_JSON_BYTES);
  });
});

describe('coalesceOutbox', () => {
  it('makes a transaction’s outbox Puts one item at the first one’s place and maps every write to where it went', () => {
    const [reserved, started, checkedOut] = placing.map((e) =>
      outboxItem(e.source, e.detailType, e.data, now, e.schemaVersion),
    );
    const stock: TransactItem = {
      Update: { TableName: 't', Key: { pk: 'STOCK#v-1' }, UpdateExpression: 'SET x = :x' },
    };
    const order = put({ pk: 'ORDER#o-1' }, { ConditionExpression: 'attribute_not_exists(pk)' });
    const cart = put({ pk: 'CART#c-1' });
    const { entries, positions } = coalesceOutbox([
      stock,
      put(reserved!),
      order,
      cart,
      put(started!),
      put(checkedOut!),
    ]);
    expect(entries).toHaveLength(4);
    expect(entries[0]).toBe(stock);
    expect(entries.slice(2)).toEqual([order, cart]);
    expect(positions).toEqual([0, 1, 2, 3, 1, 1]);
    const merged = outboxRecordsOf(entries[1]!.Put!.Item!);
    expect(merged.map((r) => r.detail.id)).toEqual([reserved, started, checkedOut].map((i) => i!.detail.id));
    expect(entries[1]!.Put).toMatchObject({ TableName: 't', Item: { expiresAt: reserved!.expiresAt } });
  });

  it('merges batches and single events alike, keeping their order', () => {
    const [first, ...rest] = placing;
    const { entries } = coalesceOutbox([
      put(outboxItem(first!.source, first!.detailType, first!.data, now)),
      ...outboxBatch(rest, now).map((item) => put(item)),
    ]);
    expect(entries).toHaveLength(1);
    expect(outboxRecordsOf(entries[0]!.Put!.Item!).map((r) => r.detailType)).toEqual(
      placing.map((e) => e.detailType),
    );
  });

  it('leaves a transaction with one outbox Put as it is', () => {
    const writes = [put({ pk: 'CART#c-1' }), put(outboxItem('commerce.carts', 'CartCreated', {}, now))];
    const { entries, positions } = coalesceOutbox(writes);
    expect(entries).toEqual(writes);
    expect(positions).toEqual([0, 1]);
  });

  it('merges only unconditional outbox Puts into the same table', () => {
    const event = (type: string) => outboxItem('commerce.carts', type, {}, now);
    const conditional = put(event('A'), { ConditionExpression: 'attribute_not_exists(pk)' });
    const elsewhere = { Put: { TableName: 'other', Item: event('B') } };
    const { entries, positions } = coalesceOutbox([conditional, put(event('C')), elsewhere, put(event('D'))]);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toBe(conditional);
    expect(entries[2]).toBe(elsewhere);
    expect(positions).toEqual([0, 1, 2, 1]);
    expect(outboxRecordsOf(entries[1]!.Put!.Item!).map((r) => r.detailType)).toEqual(['C', 'D']);
  });
});

describe('coalesceOutbox with an event carrier', () => {
  const events = placing.map((e) => outboxItem(e.source, e.detailType, e.data, now, e.schemaVersion));
  const ids = events.map((e) => e.detail.id);
  const stock: TransactItem = {
    Update: { TableName: 't', Key: { pk: 'STOCK#v-1' }, UpdateExpression: 'SET x = :x' },
  };

  it('puts every event on the inserted item that has room for them, and writes no outbox item', () => {
    const small = eventCarrier(put({ pk: 'LEDGER#v-1', sk: 'e-1', note: 'x'.repeat(100) }));
    const { entries, positions, owners } = coalesceOutbox([
      stock,
      put(events[0]!),
      small,
      put(events[1]!),
      put(events[2]!),
    ]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(stock);
    const carried = entries[1]!.Put!.Item!;
    expect(carried).toMatchObject({ pk: 'LEDGER#v-1', sk: 'e-1' });
    expect(carried[CARRIED_EVENTS]).toBeInstanceOf(Uint8Array);
    expect(outboxRecordsOf(carried).map((r) => r.detail.id)).toEqual(ids);
    expect(writeUnits(itemSize(carried))).toBe(1);
    expect(positions).toEqual([0, 1, 1, 1, 1]);
    // Only the carrier's own condition is its: a failure there is not an outbox item's.
    expect(owners).toEqual([0, 2]);
  });

  it('keeps the outbox item when the events would cost the carrier another write unit', () => {
    const full = eventCarrier(put({ pk: 'ORDER#o-1', sk: 'ORDER', body: 'x'.repeat(1000) }));
    const { entries } = coalesceOutbox([full, put(events[0]!), put(events[1]!)]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(full);
    expect(entries[1]!.Put!.Item!.entity).toBe('OUTBOX');
  });

  it('takes no unmarked item as a carrier', () => {
    const plain = put({ pk: 'CART#c-1', sk: 'CART' });
    const { entries } = coalesceOutbox([plain, put(events[0]!)]);
    expect(entries).toEqual([plain, put(events[0]!)]);
  });
});
