import type { PutEventsRequestEntry, PutEventsResponse } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { outboxRecordsOfStream, type PutEntries, putOnBus } from '#contexts/system/data/event-bus.ts';
import { toLambdaRecord } from '#local/streams/record.ts';
import { type OutboxEvent, type OutboxRecord, outboxBatch, outboxItem } from '#platform/events/outbox.ts';

const now = new Date('2026-03-01T12:00:00.000Z');

/** The stream record of an inserted item, as the Pipe hands it to the relay (binary as base64). */
const inserted = (item: Record<string, unknown>) =>
  toLambdaRecord(
    { eventName: 'INSERT', dynamodb: { NewImage: marshall(item) as never } },
    'arn:aws:dynamodb:eu-central-1:000000000000:table/t/stream/x',
    'eu-central-1',
  );

const events = (n: number, bytes = 10): OutboxEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    source: 'commerce.orders',
    detailType: `Event${i}`,
    data: { n: i, pad: 'x'.repeat(bytes) },
  }));

/** A PutEvents stand-in: records each request; `fail` names the detail-types to fail on a call. */
const fakeBus = (fail: (call: number, entry: PutEventsRequestEntry) => boolean = () => false) => {
  const requests: PutEventsRequestEntry[][] = [];
  const put: PutEntries = async (entries) => {
    const call = requests.push(entries) - 1;
    const results = entries.map((e) =>
      fail(call, e) ? { ErrorCode: 'ThrottlingException' } : { EventId: 'e' },
    );
    return {
      FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length,
      Entries: results,
    } satisfies PutEventsResponse;
  };
  return { put, requests };
};

const recordsOf = (...items: Record<string, unknown>[]): OutboxRecord[] =>
  items.map(inserted).flatMap(outboxRecordsOfStream);

describe('the outbox relay', () => {
  it('relays each event of a batch item as its own entry, with its id, source, detail-type and time', async () => {
    const [batch] = outboxBatch(events(3), now);
    const old = outboxItem('commerce.catalog', 'ProductUpdated', { productId: 'p-1' }, now);
    // As Lambda receives a stream record: the batch's binary `events` as base64.
    expect(typeof inserted(batch!).dynamodb?.NewImage?.events?.B).toBe('string');
    const bus = fakeBus();
    await putOnBus('bus', recordsOf(batch!, old), bus.put);
    const entries = bus.requests.flat();
    expect(entries.map((e) => [e.Source, e.DetailType])).toEqual([
      ['commerce.orders', 'Event0'],
      ['commerce.orders', 'Event1'],
      ['commerce.orders', 'Event2'],
      ['commerce.catalog', 'ProductUpdated'],
    ]);
    const details = entries.map((e) => JSON.parse(e.Detail!));
    expect(new Set(details.map((d) => d.id)).size).toBe(4);
    expect(details[3]).toEqual(old.detail);
    expect(details[1]).toMatchObject({ occurredAt: now.toISOString(), schemaVersion: 1, data: { n: 1 } });
    expect(entries.every((e) => e.EventBusName === 'bus' && e.Time?.getTime() === now.getTime())).toBe(true);
  });

  it.each([
    ['25 events', events(25), [10, 10, 5]],
    ['events of 100 KB', events(5, 100_000), [2, 2, 1]],
  ])('sends %s in requests of at most 10 entries and 256 KB', async (_, list, sizes) => {
    const bus = fakeBus();
    await putOnBus('bus', recordsOf(...outboxBatch(list, now)), bus.put);
    expect(bus.requests.map((r) => r.length)).toEqual(sizes);
    expect(bus.requests.flat().map((e) => e.DetailType)).toEqual(list.map((e) => e.detailType));
  });

  it('sends again only the entries that failed, not those that succeeded', async () => {
    const bus = fakeBus((call, entry) => call === 0 && entry.DetailType === 'Event1');
    await putOnBus('bus', recordsOf(...outboxBatch(events(3), now)), bus.put);
    expect(bus.requests.map((r) => r.map((e) => e.DetailType))).toEqual([
      ['Event0', 'Event1', 'Event2'],
      ['Event1'],
    ]);
  });

  it('fails the invocation when an entry keeps failing, so the Pipe retries the batch', async () => {
    const bus = fakeBus((_, entry) => entry.DetailType === 'Event2');
    await expect(putOnBus('bus', recordsOf(...outboxBatch(events(3), now)), bus.put)).rejects.toThrow(
      /PutEvents failed for 1 entries: ThrottlingException/,
    );
    expect(bus.requests.slice(1).every((r) => r.length === 1 && r[0]!.DetailType === 'Event2')).toBe(true);
  });
});
