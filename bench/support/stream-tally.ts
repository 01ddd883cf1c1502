// What one DynamoDB stream record cost in writes, on the table and on every global secondary index,
// by partition key. Pure: sizes follow DynamoDB's item-size rules, index writes follow the rules by
// which DynamoDB maintains a GSI from the old and new image of an item. No I/O (see stream-reader.ts).
import type { AttributeValue } from '@aws-sdk/client-dynamodb-streams';

/** An item as a stream image carries it. */
export type Image = Record<string, AttributeValue>;

/** One GSI as DescribeTable describes it. */
export interface IndexSpec {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** INCLUDE: the non-key attributes it projects. */
  readonly nonKeyAttributes?: readonly string[];
}

/** The table's keys and its GSIs. */
export interface TableSpec {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly IndexSpec[];
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** A number's size: 1 byte per two significant digits, plus 1 (leading and trailing zeros trimmed). */
const numberSize = (n: string) => {
  const digits = (n.replace(/^-/, '').split(/e/i)[0] ?? '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
};

const binarySize = (b: Uint8Array | string) =>
  typeof b === 'string' ? Buffer.from(b, 'base64').length : b.length;

/** The size DynamoDB counts for one attribute value (without its name). */
export const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return binarySize(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if (value.BS !== undefined) return value.BS.reduce((n, b) => n + binarySize(b), 0);
  // Lists and maps: 3 bytes of overhead, plus 1 byte per element (a map's element counts its name).
  if (value.L !== undefined) return value.L.reduce((n, v) => n + valueSize(v) + 1, 3);
  if (value.M !== undefined)
    return Object.entries(value.M).reduce((n, [k, v]) => n + utf8(k) + valueSize(v) + 1, 3);
  return 0;
};

/** An item's size in bytes: every attribute's name (UTF-8) and value. 0 for no item. */
export const itemSize = (item: Image | undefined): number =>
  item ? Object.entries(item).reduce((n, [name, v]) => n + utf8(name) + valueSize(v), 0) : 0;

/** Write units of a write of `bytes`: 1 per KB started, at least 1. */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** A key attribute as a string (the partition it names). */
export const keyText = (value: AttributeValue | undefined): string | undefined =>
  value?.S ?? value?.N ?? (value?.B === undefined ? undefined : Buffer.from(value.B).toString('base64'));

/** One write DynamoDB makes to an index partition. */
export interface IndexWrite {
  readonly kind: 'put' | 'update' | 'delete';
  readonly partition: string;
  readonly bytes: number;
}

const pick = (item: Image, names: readonly (string | undefined)[]) =>
  Object.fromEntries(names.flatMap((n) => (n !== undefined && item[n] !== undefined ? [[n, item[n]]] : [])));

/**
 * The index entry an item makes: none unless it has every key attribute of the index (sparse), else
 * the projected attributes with the table's and the index's keys.
 */
export const indexEntry = (
  table: TableSpec,
  index: IndexSpec,
  item: Image | undefined,
): Image | undefined => {
  if (!item || item[index.partitionKey] === undefined) return undefined;
  if (index.sortKey !== undefined && item[index.sortKey] === undefined) return undefined;
  if (index.projection === 'ALL') return item;
  const keys = [table.partitionKey, table.sortKey, index.partitionKey, index.sortKey];
  return pick(item, index.projection === 'INCLUDE' ? [...keys, ...(index.nonKeyAttributes ?? [])] : keys);
};

/** A value in a canonical text: map keys and set members sorted, so equal values compare equal. */
const canonical = (value: unknown): string => {
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString('base64')}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([k, v]) =>
          `${JSON.stringify(k)}:${/^(SS|NS|BS)$/.test(k) && Array.isArray(v) ? canonical([...v].map(canonical).sort()) : canonical(v)}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Whether two items hold the same attributes with the same values. */
export const sameItem = (a: Image, b: Image) => canonical(a) === canonical(b);

const indexKey = (index: IndexSpec, entry: Image) =>
  canonical([entry[index.partitionKey], index.sortKey === undefined ? null : entry[index.sortKey]]);

/**
 * The writes one table write makes to an index, from the item before and after: a new entry is a put,
 * a vanished one a delete, a moved key (partition or sort) a delete plus a put, and an entry whose
 * projected attributes changed an update; an unchanged entry costs nothing.
 */
export const indexWrites = (
  table: TableSpec,
  index: IndexSpec,
  oldImage: Image | undefined,
  newImage: Image | undefined,
): IndexWrite[] => {
  const before = indexEntry(table, index, oldImage);
  const after = indexEntry(table, index, newImage);
  const partitionOf = (entry: Image) => keyText(entry[index.partitionKey]) ?? '';
  const put = (e: Image): IndexWrite => ({ kind: 'put', partition: partitionOf(e), bytes: itemSize(e) });
  const del = (e: Image): IndexWrite => ({ kind: 'delete', partition: partitionOf(e), bytes: itemSize(e) });
  if (!before) return after ? [put(after)] : [];
  if (!after) return [del(before)];
  if (indexKey(index, before) !== indexKey(index, after)) return [del(before), put(after)];
  if (sameItem(before, after)) return [];
  return [
    { kind: 'update', partition: partitionOf(after), bytes: Math.max(itemSize(before), itemSize(after)) },
  ];
};

/** The table write a stream record reports: its partition, and the larger of the two images (a delete: the old). */
export const tableWrite = (table: TableSpec, oldImage: Image | undefined, newImage: Image | undefined) => {
  const item = newImage ?? oldImage ?? {};
  return {
    partition: keyText(item[table.partitionKey]) ?? '',
    bytes: Math.max(itemSize(oldImage), itemSize(newImage)),
  };
};

/** A stream record as the Streams API (SDK) answers it: the fields the tally reads. */
export interface StreamRecordLike {
  readonly eventName?: string;
  readonly userIdentity?: { readonly PrincipalId?: string };
  readonly dynamodb?: {
    readonly OldImage?: Image;
    readonly NewImage?: Image;
    readonly SequenceNumber?: string;
  };
}

/** A delete DynamoDB's TTL made: it costs no write capacity. */
export const isTtlDelete = (record: StreamRecordLike) =>
  record.eventName === 'REMOVE' && record.userIdentity?.PrincipalId === 'dynamodb.amazonaws.com';

/** Writes and write units, at standard and at transactional pricing. */
export interface Stats {
  writes: number;
  wcu: number;
  wcuTx: number;
}

/** One partition's writes, and which entities made them. */
export interface KeyStats extends Stats {
  readonly entities: Map<string, Stats>;
}

/** Everything a window of stream records wrote: per place (`table` or an index) and partition, per entity. */
export interface Tally {
  records: number;
  ttlDeletes: number;
  readonly places: Map<string, Map<string, KeyStats>>;
  readonly entities: Map<string, { records: number; readonly places: Map<string, Stats> }>;
}

/** An empty tally with a place for the table and each index, in that order. */
export const emptyTally = (table: TableSpec): Tally => ({
  records: 0,
  ttlDeletes: 0,
  places: new Map([['table', new Map()], ...table.indexes.map((i) => [i.name, new Map()] as const)]),
  entities: new Map(),
});

const stats = (): Stats => ({ writes: 0, wcu: 0, wcuTx: 0 });
/** The map's value for `key`, made by `make` the first time. */
const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
};
const add = (into: Stats, wcu: number, wcuTx: number) => {
  into.writes++;
  into.wcu += wcu;
  into.wcuTx += wcuTx;
};

/**
 * Adds one record. `transactional` (0…1) is how surely its table write came from TransactWriteItems,
 * which DynamoDB charges twice (prepare and commit). The index writes a transaction causes are charged
 * as standard writes: indexes are updated after the transaction, outside it.
 */
export const addRecord = (
  tally: Tally,
  table: TableSpec,
  record: StreamRecordLike,
  transactional: number,
) => {
  if (isTtlDelete(record)) {
    tally.ttlDeletes++;
    return;
  }
  const { OldImage: oldImage, NewImage: newImage } = record.dynamodb ?? {};
  const entity = newImage?.entity?.S ?? oldImage?.entity?.S ?? '(none)';
  const byEntity = entry(tally.entities, entity, () => ({ records: 0, places: new Map<string, Stats>() }));
  tally.records++;
  byEntity.records++;
  const count = (place: string, partition: string, wcu: number, wcuTx: number) => {
    const key = entry(tally.places.get(place)!, partition, () => ({ ...stats(), entities: new Map() }));
    add(key, wcu, wcuTx);
    add(entry(key.entities, entity, stats), wcu, wcuTx);
    add(entry(byEntity.places, place, stats), wcu, wcuTx);
  };
  const written = tableWrite(table, oldImage, newImage);
  const units = writeUnits(written.bytes);
  count('table', written.partition, units, units * (1 + transactional));
  for (const index of table.indexes)
    for (const w of indexWrites(table, index, oldImage, newImage))
      count(index.name, w.partition, writeUnits(w.bytes), writeUnits(w.bytes));
};
