import { randomUUID } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { itemSize, writeUnits } from '../data/item-size.ts';
import { outboxKeys, PlatformEntity } from '../data/keys.ts';

/** How long an outbox record stays after the stream has carried it (TTL removes it). */
const OUTBOX_RETENTION_SECONDS = 24 * 60 * 60;

/**
 * The most event JSON one outbox item carries. Compressed it stays under DynamoDB's 400 KB item limit
 * with room for the keys (brotli grows incompressible input by a few bytes only); more events than
 * that, which no transaction writes today, are spread over several items of the same transaction.
 */
export const MAX_OUTBOX_ITEM_JSON_BYTES = 350 * 1024;

// Quality 5 comes within a few per cent of brotli's best on a transaction's ~1–2 KB of events, at
// ~0.1 ms instead of ~5 ms of CPU per item.
const COMPRESSION = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** A domain event waiting in the outbox: the relay turns it into one PutEvents entry. */
export interface OutboxRecord {
  readonly source: `commerce.${string}`;
  readonly detailType: string;
  readonly detail: { id: string; occurredAt: string; schemaVersion: number; data: unknown };
}

/** An event to write: `detail.id` and `occurredAt` are given when its outbox item is built. */
export interface OutboxEvent {
  readonly source: OutboxRecord['source'];
  readonly detailType: string;
  readonly data: unknown;
  /** `detail.schemaVersion`; 1 unless said. */
  readonly schemaVersion?: number;
}

const recordOf = (event: OutboxEvent, now: Date): OutboxRecord => ({
  source: event.source,
  detailType: event.detailType,
  detail: {
    id: randomUUID(),
    occurredAt: now.toISOString(),
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
  },
});

const expiryOf = (now: Date) => Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS;

/** The item of one event: its record at the top level, the form every relay version reads. */
const singleItem = (record: OutboxRecord, expiresAt: number) => ({
  ...outboxKeys(record.detail.id),
  entity: PlatformEntity.outbox,
  ...record,
  expiresAt,
});

/**
 * The item of several events: `events` holds their records as brotli-compressed JSON (binary), so a
 * transaction's events usually cost one 1 KB write unit together instead of one or more each.
 * Keyed by its first event's id.
 */
const batchItem = (records: readonly OutboxRecord[], expiresAt: number) => ({
  ...outboxKeys(records[0]!.detail.id),
  entity: PlatformEntity.outbox,
  events: brotliCompressSync(JSON.stringify(records), COMPRESSION),
  expiresAt,
});

/** The records in groups whose JSON fits one item, in order (one group unless they are huge). */
const groupsOf = (records: readonly OutboxRecord[]): OutboxRecord[][] => {
  const groups: OutboxRecord[][] = [];
  let bytes = Number.POSITIVE_INFINITY;
  for (const record of records) {
    const size = Buffer.byteLength(JSON.stringify(record)) + 1;
    if (bytes + size > MAX_OUTBOX_ITEM_JSON_BYTES) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)!.push(record);
    bytes += size;
  }
  return groups;
};

/** The items for records that commit together: one for all of them, unless they exceed one item. */
const itemsFor = (records: readonly OutboxRecord[], expiresAt: number): Record<string, unknown>[] =>
  groupsOf(records).map((group) =>
    group.length === 1 ? singleItem(group[0]!, expiresAt) : batchItem(group, expiresAt),
  );

/**
 * The outbox item for an event, to be written in the same TransactWriteItems as the state change
 * it reports: if the change commits, the event exists; if not, neither does the event.
 */
export const outboxItem = (
  source: OutboxRecord['source'],
  detailType: string,
  data: unknown,
  now = new Date(),
  schemaVersion = 1,
) => singleItem(recordOf({ source, detailType, data, schemaVersion }, now), expiryOf(now));

/**
 * The outbox item for events that commit in one transaction: ONE item carrying them all, each event
 * with its own id (an item per ~350 KB of events past that; none for no event).
 */
export const outboxBatch = (events: readonly OutboxEvent[], now = new Date()): Record<string, unknown>[] =>
  itemsFor(
    events.map((event) => recordOf(event, now)),
    expiryOf(now),
  );

const bytesOf = (events: unknown): Uint8Array => {
  // Read back through the SDK it is a Uint8Array; in a stream record as Lambda receives it, base64.
  if (typeof events === 'string') return Buffer.from(events, 'base64');
  if (events instanceof Uint8Array) return events;
  throw new TypeError('An outbox item’s events are neither binary nor base64');
};

/**
 * The attribute in which an item its transaction inserts anyway carries the transaction's events
 * (brotli-compressed JSON, as a batch's `events`), when they fit in the write units it costs already.
 */
export const CARRIED_EVENTS = 'outboxEvents';

const carriers = new WeakSet<object>();

/**
 * Marks a transaction's Put as able to carry the transaction's events instead of an outbox item. Only for
 * a Put that inserts a new item (an insert's stream record is what the relay reads; it is conditional on
 * `attribute_not_exists(pk)`, or its key is new by construction) and that is not updated in place later
 * (an Update would keep the events; a whole Put drops them): an order's body, a ledger entry, a new cart.
 * An index that projects the item copies them, at no extra unit either (its entry is the item's size). The events cost nothing when they fit in the write units the
 * item costs anyway; otherwise the transaction writes its outbox item as before.
 */
export const eventCarrier = <T extends object>(entry: T): T => {
  carriers.add(entry);
  return entry;
};

/**
 * The events an outbox item carries, in the order they were written: the one event of an item in the
 * one-event form (which items written before batches existed have too), every event of a batch, or those
 * an inserted item carries for its transaction (`CARRIED_EVENTS`).
 */
export const outboxRecordsOf = (item: Readonly<Record<string, unknown>>): OutboxRecord[] => {
  if (item[CARRIED_EVENTS] !== undefined)
    return JSON.parse(brotliDecompressSync(bytesOf(item[CARRIED_EVENTS])).toString('utf8')) as OutboxRecord[];
  if (item.events === undefined) {
    const { source, detailType, detail } = item as unknown as OutboxRecord;
    return [{ source, detailType, detail }];
  }
  return JSON.parse(brotliDecompressSync(bytesOf(item.events)).toString('utf8')) as OutboxRecord[];
};

/** A TransactWriteItems entry, as far as coalescing reads it. */
interface WriteEntry {
  readonly Put?: {
    readonly TableName?: string | undefined;
    readonly Item?: Record<string, unknown> | undefined;
    readonly ConditionExpression?: string | undefined;
  };
  readonly Update?: unknown;
  readonly Delete?: unknown;
  readonly ConditionCheck?: unknown;
}

/** An unconditional Put of an outbox item (every outbox write: none has a condition). */
const isOutboxPut = (entry: WriteEntry) =>
  entry.Put?.Item?.entity === PlatformEntity.outbox && entry.Put.ConditionExpression === undefined;

/** The carrier among `entries` whose item takes `blob` without costing another write unit, if any. */
const carrierFor = <T extends WriteEntry>(
  entries: readonly T[],
  table: string | undefined,
  blob: Uint8Array,
) =>
  entries.findIndex((entry) => {
    const item = entry.Put?.Item;
    if (!carriers.has(entry) || !item || entry.Put?.TableName !== table) return false;
    const size = itemSize(item);
    return writeUnits(size + Buffer.byteLength(CARRIED_EVENTS) + blob.byteLength) === writeUnits(size);
  });

/** A coalesced transaction: its writes, where each original write went, and which write is whose. */
export interface Coalesced<T> {
  readonly entries: T[];
  /** `positions[i]`: where original write `i` went (an outbox Put: the item carrying its event). */
  readonly positions: number[];
  /** `owners[j]`: the original write that written entry `j` is (-1: a merged outbox item). */
  readonly owners: number[];
}

/**
 * A transaction's writes with its outbox Puts folded away: every event rides on an item the transaction
 * inserts anyway (`eventCarrier`) when one has room for them within its write units, else all outbox
 * Puts become one item at the first one's place, carrying every event in order. Either way, whichever
 * parts of the transaction wrote events (the reservation, the order, the cart), they cost at most one
 * item and one stream record. Per-write answers such as cancellation reasons map back through
 * `positions` and `owners`.
 */
export const coalesceOutbox = <T extends WriteEntry>(entries: readonly T[]): Coalesced<T> => {
  const first = entries.find(isOutboxPut);
  const merged = new Set(
    entries.flatMap((e, i) => (isOutboxPut(e) && e.Put?.TableName === first?.Put?.TableName ? [i] : [])),
  );
  const unchanged = () => ({
    entries: [...entries],
    positions: entries.map((_, i) => i),
    owners: entries.map((_, i) => i),
  });
  if (!first) return unchanged();
  const items = [...merged].map((i) => entries[i]!.Put!.Item!);
  const records = items.flatMap(outboxRecordsOf);
  const rest = entries.map((entry, i) => (merged.has(i) ? undefined : entry));
  if (groupsOf(records).length === 1) {
    const blob = brotliCompressSync(JSON.stringify(records), COMPRESSION);
    const carrier = carrierFor(
      rest.map((entry) => entry ?? ({} as T)),
      first.Put?.TableName,
      blob,
    );
    if (carrier >= 0) {
      const owners = rest.flatMap((entry, i) => (entry ? [i] : []));
      const written = owners.map((i) => {
        const entry = entries[i]!;
        return i === carrier
          ? ({ ...entry, Put: { ...entry.Put, Item: { ...entry.Put!.Item, [CARRIED_EVENTS]: blob } } } as T)
          : entry;
      });
      const at = owners.indexOf(carrier);
      return {
        entries: written,
        positions: entries.map((_, i) => (merged.has(i) ? at : owners.indexOf(i))),
        owners,
      };
    }
  }
  if (merged.size < 2) return unchanged();
  const outbox = itemsFor(records, Math.max(...items.map((item) => Number(item.expiresAt)))).map(
    (Item) => ({ ...first, Put: { ...first.Put, Item } }) as T,
  );
  const written: T[] = [];
  const positions: number[] = [];
  const owners: number[] = [];
  let outboxAt = -1;
  entries.forEach((entry, i) => {
    if (!merged.has(i)) {
      positions.push(written.length);
      owners.push(i);
      written.push(entry);
      return;
    }
    if (outboxAt < 0) {
      outboxAt = written.length;
      written.push(...outbox);
      owners.push(...outbox.map(() => -1));
    }
    positions.push(outboxAt);
  });
  return { entries: written, positions, owners };
};
