import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResponse,
} from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { backoff } from '#platform/data/transact.ts';
import { type OutboxRecord, outboxRecordsOf } from '#platform/events/outbox.ts';

// PutEvents takes at most 10 entries and 256 KB per request.
const PUT_EVENTS_MAX_ENTRIES = 10;
const PUT_EVENTS_MAX_BYTES = 256 * 1024;
/** Sends of one request's entries before its still failing entries fail the invocation. */
const MAX_ATTEMPTS = 3;

let client: EventBridgeClient | undefined;
// The endpoint comes from the SDK's configuration (`AWS_ENDPOINT_URL_EVENTBRIDGE` locally).
const bus = () => {
  client ??= new EventBridgeClient({});
  return client;
};

/** One PutEvents request: its entries in, one result per entry (same order) out. */
export type PutEntries = (entries: PutEventsRequestEntry[]) => Promise<PutEventsResponse>;

const putEntries: PutEntries = (Entries) => bus().send(new PutEventsCommand({ Entries }));

/**
 * The events of an outbox item the stream inserted (the Pipe passes only inserted outbox items): one,
 * or all of a batch.
 */
export const outboxRecordsOfStream = (record: DynamoDBRecord): OutboxRecord[] =>
  outboxRecordsOf(unmarshall(record.dynamodb?.NewImage as Record<string, AttributeValue>));

/** An entry's size as EventBridge counts it: Time is 14 bytes, strings their UTF-8 length. */
const sizeOf = (entry: PutEventsRequestEntry) =>
  14 +
  Buffer.byteLength(entry.Source ?? '') +
  Buffer.byteLength(entry.DetailType ?? '') +
  Buffer.byteLength(entry.Detail ?? '');

/** The entries in requests of at most 10 entries and 256 KB (an entry alone past that goes alone). */
const requestsOf = (entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] => {
  const requests: PutEventsRequestEntry[][] = [];
  let bytes = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const size = sizeOf(entry);
    const last = requests.at(-1);
    if (!last || last.length === PUT_EVENTS_MAX_ENTRIES || bytes + size > PUT_EVENTS_MAX_BYTES) {
      requests.push([entry]);
      bytes = size;
    } else {
      last.push(entry);
      bytes += size;
    }
  }
  return requests;
};

/** Sends one request; entries that fail are sent again, alone, and any still failing throw. */
const putRequest = async (put: PutEntries, entries: PutEventsRequestEntry[]): Promise<void> => {
  let pending = entries;
  for (let attempt = 1; ; attempt++) {
    const result = await put(pending);
    if (!result.FailedEntryCount) return;
    const failed = pending.flatMap((entry, i) => (result.Entries?.[i]?.ErrorCode ? [entry] : []));
    const codes = result.Entries?.flatMap((e) => (e.ErrorCode ? [e.ErrorCode] : [])) ?? [];
    // Without per-entry answers nothing says which succeeded: the caller's retry sends them all again.
    if (attempt >= MAX_ATTEMPTS || failed.length === 0)
      throw new Error(`PutEvents failed for ${result.FailedEntryCount} entries: ${codes.join(', ')}`);
    await backoff(attempt);
    pending = failed;
  }
};

/**
 * Puts outbox records on the bus, each at the time its event occurred, in requests of at most 10
 * entries and 256 KB. An entry that fails is retried on its own (those that succeeded are not sent
 * again); one that keeps failing throws, so the caller's whole batch is retried — consumers
 * deduplicate by event id, so the events sent twice then are harmless, and none is lost.
 */
export const putOnBus = async (
  busName: string,
  events: readonly OutboxRecord[],
  put: PutEntries = putEntries,
): Promise<void> => {
  const entries = events.map(
    (e): PutEventsRequestEntry => ({
      EventBusName: busName,
      Source: e.source,
      DetailType: e.detailType,
      Detail: JSON.stringify(e.detail),
      Time: new Date(e.detail.occurredAt),
    }),
  );
  for (const request of requestsOf(entries)) await putRequest(put, request);
};
