import { describe, expect, it } from 'vitest';
import { candidates, expectedLoad, familiesOf, ownKeysOf } from '../../../bench/support/hot-report.ts';
import {
  addRecord,
  emptyTally,
  type Image,
  type IndexSpec,
  indexWrites,
  itemSize,
  type TableSpec,
  valueSize,
  writeUnits,
} from '../../../bench/support/stream-tally.ts';
import type { ServerCall } from '../../../bench/support/wire.ts';
import { transactionalShare, writesOnWire } from '../../../bench/support/wire-writes.ts';

const all: IndexSpec = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' };
const keysOnly: IndexSpec = { ...all, projection: 'KEYS_ONLY' };
const include: IndexSpec = { ...all, projection: 'INCLUDE', nonKeyAttributes: ['status'] };
const table: TableSpec = { partitionKey: 'pk', sortKey: 'sk', indexes: [all] };

const s = (value: string) => ({ S: value });
const item = (fields: Record<string, string>): Image =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, s(v)]));

describe('itemSize', () => {
  it.each([
    ['a string as its UTF-8 bytes', { S: 'Köln' }, 5],
    ['a number as one byte per two significant digits plus one', { N: '1700000000' }, 2],
    ['a number with a fraction and a sign', { N: '-123.45' }, 4],
    ['zero as one byte', { N: '0' }, 1],
    ['binary as its bytes', { B: new Uint8Array(7) }, 7],
    ['a boolean as one byte', { BOOL: true }, 1],
    ['null as one byte', { NULL: true }, 1],
    ['a string set as its members', { SS: ['ab', 'c'] }, 3],
    ['a list as 3 bytes plus its elements plus 1 each', { L: [s('ab'), { N: '12' }] }, 3 + (2 + 1) + (2 + 1)],
    ['a map as 3 bytes plus names, values and 1 each', { M: { ab: s('xyz') } }, 3 + 2 + 3 + 1],
    ['an empty map as 3 bytes', { M: {} }, 3],
  ])('counts %s', (_, value, bytes) => {
    expect(valueSize(value)).toBe(bytes);
  });

  it('adds every attribute name to its value', () => {
    expect(itemSize({ pk: s('ORDER#1'), n: { N: '42' }, ok: { BOOL: false } })).toBe(2 + 7 + 1 + 2 + 2 + 1);
    expect(itemSize(undefined)).toBe(0);
  });

  it('charges a write one unit per kilobyte started', () => {
    expect([0, 1, 1024, 1025, 4096].map(writeUnits)).toEqual([1, 1, 1, 2, 4]);
  });
});

describe('indexWrites', () => {
  const before = item({ pk: 'P', sk: 'S', gsi1pk: 'G#1', gsi1sk: 'a', status: 'open', note: 'x' });

  it('puts an entry that appears and deletes one that vanishes', () => {
    expect(indexWrites(table, all, undefined, before)).toEqual([
      { kind: 'put', partition: 'G#1', bytes: itemSize(before) },
    ]);
    expect(indexWrites(table, all, before, undefined)).toEqual([
      { kind: 'delete', partition: 'G#1', bytes: itemSize(before) },
    ]);
  });

  it('writes nothing for an item without every index key (sparse)', () => {
    const noSortKey = item({ pk: 'P', sk: 'S', gsi1pk: 'G#1' });
    expect(indexWrites(table, all, undefined, noSortKey)).toEqual([]);
  });

  it('deletes and puts when the partition or the sort key moves', () => {
    const moved = { ...before, gsi1pk: s('G#2') };
    expect(indexWrites(table, all, before, moved).map((w) => `${w.kind} ${w.partition}`)).toEqual([
      'delete G#1',
      'put G#2',
    ]);
    expect(indexWrites(table, all, before, { ...before, gsi1sk: s('b') })).toHaveLength(2);
  });

  it('updates an ALL entry when any attribute changes, at the larger size', () => {
    const grown = { ...before, note: s('x'.repeat(2000)) };
    expect(indexWrites(table, all, before, grown)).toEqual([
      { kind: 'update', partition: 'G#1', bytes: itemSize(grown) },
    ]);
    expect(indexWrites(table, all, before, { ...before })).toEqual([]);
  });

  it('leaves a KEYS_ONLY entry alone when only a non-key attribute changes', () => {
    expect(indexWrites(table, keysOnly, before, { ...before, status: s('paid') })).toEqual([]);
  });

  it('updates an INCLUDE entry only for an included attribute, sized on what it projects', () => {
    expect(indexWrites(table, include, before, { ...before, note: s('y') })).toEqual([]);
    const [write] = indexWrites(table, include, before, { ...before, status: s('paid') });
    expect(write).toEqual({
      kind: 'update',
      partition: 'G#1',
      bytes: itemSize(item({ pk: 'P', sk: 'S', gsi1pk: 'G#1', gsi1sk: 'a', status: 'open' })),
    });
  });

  it('compares sets regardless of member order', () => {
    const tagged = { ...before, tags: { SS: ['a', 'b'] } };
    expect(indexWrites(table, all, tagged, { ...tagged, tags: { SS: ['b', 'a'] } })).toEqual([]);
  });
});

describe('addRecord', () => {
  it('doubles a transactional table write but not the index writes it causes', () => {
    const tally = emptyTally(table);
    const image = item({ pk: 'STOCK#v', sk: 'LEVEL#w', gsi1pk: 'G', gsi1sk: '1', entity: 'STOCK_LEVEL' });
    addRecord(tally, table, { eventName: 'INSERT', dynamodb: { NewImage: image } }, 1);
    expect(tally.places.get('table')?.get('STOCK#v')).toMatchObject({ writes: 1, wcu: 1, wcuTx: 2 });
    expect(tally.places.get('gsi1')?.get('G')).toMatchObject({ writes: 1, wcu: 1, wcuTx: 1 });
    expect(tally.entities.get('STOCK_LEVEL')?.records).toBe(1);
  });

  it('prices a delete on the old image and counts TTL deletes as free', () => {
    const tally = emptyTally(table);
    const big = { ...item({ pk: 'CART#1', sk: 'CART' }), lines: s('x'.repeat(3000)) };
    addRecord(tally, table, { eventName: 'REMOVE', dynamodb: { OldImage: big } }, 0);
    addRecord(
      tally,
      table,
      {
        eventName: 'REMOVE',
        userIdentity: { PrincipalId: 'dynamodb.amazonaws.com' },
        dynamodb: { OldImage: big },
      },
      0,
    );
    expect(tally.places.get('table')?.get('CART#1')).toMatchObject({ writes: 1, wcu: 3 });
    expect(tally.ttlDeletes).toBe(1);
  });
});

describe('transactionalShare', () => {
  const call = (
    operation: string,
    body: unknown,
    end: number,
    status = 200,
    answer?: unknown,
  ): ServerCall => ({
    port: 1,
    method: 'POST',
    path: '/',
    operation,
    start: end - 1,
    end,
    status,
    body: JSON.stringify(body),
    ...(answer === undefined ? {} : { answer: JSON.stringify(answer) }),
  });
  const key = { pk: s('ORDER#1'), sk: s('ORDER') };
  const record = (seq: string) => ({ eventName: 'MODIFY', dynamodb: { NewImage: key, SequenceNumber: seq } });

  it('matches records to the writes of their item in order', () => {
    const { writes } = writesOnWire(table, [
      call('TransactWriteItems', { TransactItems: [{ Put: { Item: key } }] }, 10),
      call('UpdateItem', { Key: key }, 20),
    ]);
    const [first, second] = [record('2'), record('10')];
    const { share, outcome } = transactionalShare(table, [second, first], writes);
    expect([share.get(first), share.get(second)]).toEqual([1, 0]);
    expect(outcome.matched).toBe(2);
  });

  it('shares out an item whose writes outnumber its records, and counts failures apart', () => {
    const { writes, unrecorded } = writesOnWire(table, [
      call('TransactWriteItems', { TransactItems: [{ Update: { Key: key } }] }, 10),
      call('UpdateItem', { Key: key }, 20),
      call(
        'TransactWriteItems',
        { TransactItems: [{ Update: { Key: key } }, { ConditionCheck: { Key: key } }] },
        30,
        400,
        {
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
          Message:
            'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
        },
      ),
    ]);
    const only = record('5');
    const { share, outcome } = transactionalShare(table, [only], writes);
    expect(share.get(only)).toBe(0.5);
    expect(outcome).toMatchObject({ proportional: 1, writesWithoutRecord: 1 });
    expect(unrecorded).toMatchObject({ failedRequests: 1, cancelledTransactions: 1 });
    expect(unrecorded.itemsByPartition.get('ORDER#1')).toBe(2);
    expect([...unrecorded.failures]).toEqual([['TransactionCanceledException (TransactionConflict)', 1]]);
  });
});

describe('bucketed families', () => {
  it('spreads an entity written in several buckets and pins one written in a single bucket', () => {
    const plain = { ...table, indexes: [] };
    const tally = emptyTally(plain);
    const write = (pk: string, entity: string) =>
      addRecord(
        tally,
        plain,
        { eventName: 'MODIFY', dynamodb: { NewImage: item({ pk, sk: 'S', entity }) } },
        0,
      );
    for (let i = 0; i < 6; i++) write('STOCK#v', 'STOCK_LEVEL');
    for (let i = 0; i < 2; i++) write('STOCK#v#1', 'STOCK_LEVEL');
    for (let i = 0; i < 3; i++) write('STOCK#v', 'STOCK_ALERTS');
    write('ORDER#1', 'ORDER');
    const [family] = familiesOf(tally, 'table');
    expect(family).toMatchObject({ base: 'STOCK#v', buckets: 2 });
    // 8 level writes over 2 buckets, plus the 3 alert writes pinned to bucket 0, per 2 orders.
    expect(expectedLoad(tally, family!, 2)).toMatchObject({
      busiestBucket: 0,
      expectedStd: (4 + 3) / 2,
      makeup: 'STOCK_LEVEL (spread) 2.000, STOCK_ALERTS (pinned) 1.500',
    });
    expect(candidates(tally, 2).map((c) => c.partition)).toEqual(['ORDER#1', 'STOCK#v#<0..1>']);
    // An order's own key caps no rate: left out when the sale names its ids.
    expect(candidates(tally, 2, ownKeysOf(['1'])).map((c) => c.partition)).toEqual(['STOCK#v#<0..1>']);
  });

  it('knows a journey’s own keys by its cart or order id anywhere in the key', () => {
    const cart = '0b6f7c1e-3d2a-4c5b-9e8f-1a2b3c4d5e6f';
    const order = '7d1e2f3a-4b5c-8d6e-9f0a-1b2c3d4e5f60';
    const own = ownKeysOf([cart, order]);
    expect(
      [`CART#${cart}`, `ORDER#${order}`, `TASK#payment-${order}`, `NOTIFICATION#${order}`].map(own),
    ).toEqual([true, true, true, true]);
    expect(['STOCK#v#1', 'ORDERS#status#paid#3', 'CARTS#idle#7'].map(own)).toEqual([false, false, false]);
  });
});
