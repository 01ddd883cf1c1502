// Which stream records came from TransactWriteItems (charged twice), and what wrote without leaving a
// stream record, from the write requests the counting proxy received (wire.keepBodies). Pure.
import type { AttributeValue } from '@aws-sdk/client-dynamodb-streams';
import { type Image, keyText, type StreamRecordLike, type TableSpec } from './stream-tally.ts';
import type { ServerCall } from './wire.ts';

/** The DynamoDB operations whose request bodies the classification reads. */
export const WRITE_OPERATIONS = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
] as const;

/** One item write that succeeded, as seen on the wire. */
export interface WireWrite {
  /** The item's primary key as text (`pk` and `sk` joined). */
  readonly item: string;
  readonly transactional: boolean;
  /** When the proxy answered (orders the writes of one item). */
  readonly at: number;
}

/** Write capacity spent with no stream record, by partition: failed conditions, cancelled transactions, checks. */
export interface Unrecorded {
  failedRequests: number;
  cancelledTransactions: number;
  /** Failed requests by the error DynamoDB answered (`ConditionalCheckFailedException`, …). */
  readonly failures: Map<string, number>;
  /** Items of failed single writes and cancelled transactions, and ConditionCheck items, by partition. */
  readonly itemsByPartition: Map<string, number>;
}

interface Body {
  Item?: Image;
  Key?: Image;
  TransactItems?: Array<Record<string, { Item?: Image; Key?: Image }>>;
  RequestItems?: Record<string, Array<{ PutRequest?: { Item?: Image }; DeleteRequest?: { Key?: Image } }>>;
}

/** The text of an item's primary key. */
export const itemKey = (table: TableSpec, item: Record<string, AttributeValue>) =>
  `${keyText(item[table.partitionKey]) ?? ''}\u0000${table.sortKey ? (keyText(item[table.sortKey]) ?? '') : ''}`;

const partitionOf = (item: string) => item.split('\u0000')[0] ?? '';

/** The items one write request names, and which of them are only checked (ConditionCheck). */
const itemsOf = (operation: string, body: Body) => {
  if (operation === 'TransactWriteItems')
    return (body.TransactItems ?? []).flatMap((entry) =>
      Object.entries(entry).map(([action, spec]) => ({
        image: spec.Item ?? spec.Key ?? {},
        checked: action === 'ConditionCheck',
      })),
    );
  if (operation === 'BatchWriteItem')
    return Object.values(body.RequestItems ?? {})
      .flat()
      .map((r) => ({ image: r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {}, checked: false }));
  return [{ image: body.Item ?? body.Key ?? {}, checked: false }];
};

/** The error an answer names: `ConditionalCheckFailedException`, or `TransactionCanceledException (TransactionConflict)`. */
const errorOf = (answer: string | undefined) => {
  try {
    const parsed = JSON.parse(answer ?? '') as {
      __type?: string;
      message?: string;
      Message?: string;
      CancellationReasons?: { Code?: string }[];
    };
    const type = parsed.__type?.split('#').at(-1) ?? 'unknown';
    if (type !== 'TransactionCanceledException') return type;
    // The reasons come as a list, or only inside the message: `… reasons [None, TransactionConflict]`.
    const listed = parsed.CancellationReasons?.map((r) => r.Code ?? 'None');
    const inMessage = /\[([^\]]*)\]/.exec(parsed.Message ?? parsed.message ?? '')?.[1]?.split(',');
    const reasons = [
      ...new Set((listed ?? inMessage ?? []).map((r) => r.trim()).filter((r) => r !== 'None')),
    ];
    return reasons.length > 0 ? `${type} (${reasons.join(', ')})` : type;
  } catch {
    return 'unknown';
  }
};

/** The successful item writes among `calls` (server calls with kept bodies), and what wrote unrecorded. */
export const writesOnWire = (table: TableSpec, calls: readonly ServerCall[]) => {
  const writes: WireWrite[] = [];
  const unrecorded: Unrecorded = {
    failedRequests: 0,
    cancelledTransactions: 0,
    failures: new Map(),
    itemsByPartition: new Map(),
  };
  const spent = (item: string) => {
    const partition = partitionOf(item);
    unrecorded.itemsByPartition.set(partition, (unrecorded.itemsByPartition.get(partition) ?? 0) + 1);
  };
  for (const call of calls) {
    if (call.body === undefined) continue;
    const items = itemsOf(call.operation, JSON.parse(call.body) as Body).map((i) => ({
      item: itemKey(table, i.image),
      checked: i.checked,
    }));
    if (call.status === 200) {
      for (const i of items)
        if (i.checked) spent(i.item);
        else
          writes.push({ item: i.item, transactional: call.operation === 'TransactWriteItems', at: call.end });
    } else if (call.status === 400) {
      unrecorded.failedRequests++;
      const error = errorOf(call.answer);
      unrecorded.failures.set(error, (unrecorded.failures.get(error) ?? 0) + 1);
      if (call.operation === 'TransactWriteItems') unrecorded.cancelledTransactions++;
      // A BatchWriteItem refused as a whole wrote nothing and was not charged for its items.
      if (call.operation !== 'BatchWriteItem') for (const i of items) spent(i.item);
    }
  }
  return { writes, unrecorded };
};

const bySequence = (a: StreamRecordLike, b: StreamRecordLike) => {
  const x = BigInt(a.dynamodb?.SequenceNumber ?? '0');
  const y = BigInt(b.dynamodb?.SequenceNumber ?? '0');
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * How surely each record's write was transactional (0…1). An item with as many records as successful
 * writes on the wire is matched write for write, in order; otherwise (a write that changed nothing leaves
 * no record) each of its records gets the item's share of transactional writes. Records of items no
 * request wrote get 0 and are counted as unmatched.
 */
export const transactionalShare = (
  table: TableSpec,
  records: readonly StreamRecordLike[],
  writes: readonly WireWrite[],
) => {
  const recordsOf = new Map<string, StreamRecordLike[]>();
  for (const r of records) {
    const image = r.dynamodb?.NewImage ?? r.dynamodb?.OldImage ?? {};
    const key = itemKey(table, image);
    recordsOf.set(key, [...(recordsOf.get(key) ?? []), r]);
  }
  const writesOf = new Map<string, WireWrite[]>();
  for (const w of writes) writesOf.set(w.item, [...(writesOf.get(w.item) ?? []), w]);
  const share = new Map<StreamRecordLike, number>();
  const outcome = { matched: 0, proportional: 0, unmatched: 0, writesWithoutRecord: 0 };
  for (const [item, list] of recordsOf) {
    const seen = [...(writesOf.get(item) ?? [])].sort((a, b) => a.at - b.at);
    const ordered = [...list].sort(bySequence);
    outcome.writesWithoutRecord += Math.max(0, seen.length - ordered.length);
    if (seen.length === ordered.length) {
      for (const [i, r] of ordered.entries()) share.set(r, seen[i]!.transactional ? 1 : 0);
      outcome.matched += ordered.length;
    } else if (seen.length === 0) {
      for (const r of ordered) share.set(r, 0);
      outcome.unmatched += ordered.length;
    } else {
      const part = seen.filter((w) => w.transactional).length / seen.length;
      for (const r of ordered) share.set(r, part);
      outcome.proportional += ordered.length;
    }
  }
  for (const [item, list] of writesOf) if (!recordsOf.has(item)) outcome.writesWithoutRecord += list.length;
  return { share, outcome };
};
