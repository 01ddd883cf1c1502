// Reads a table's DynamoDB stream for one window of time, as a measurement: open before the work starts
// (each open shard from its LATEST position, shards born later from their start), close once the system
// is quiet (then read every shard to its end). DynamoDB Streams API on the endpoint given.
import { DescribeTableCommand, DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { IndexSpec, TableSpec } from './stream-tally.ts';

/** Where the table is, as the local cloud reports it. */
export interface StreamSource {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly tableName: string;
}

/** The keys, indexes and projections of a table, from DescribeTable (nothing assumed). */
export const tableSpecOf = (table: TableDescription): TableSpec => {
  const keyOf = (schema: TableDescription['KeySchema'], type: 'HASH' | 'RANGE') =>
    schema?.find((k) => k.KeyType === type)?.AttributeName;
  return {
    partitionKey: keyOf(table.KeySchema, 'HASH') ?? '',
    sortKey: keyOf(table.KeySchema, 'RANGE'),
    indexes: (table.GlobalSecondaryIndexes ?? []).map(
      (g): IndexSpec => ({
        name: g.IndexName ?? '',
        partitionKey: keyOf(g.KeySchema, 'HASH') ?? '',
        sortKey: keyOf(g.KeySchema, 'RANGE'),
        projection: (g.Projection?.ProjectionType ?? 'ALL') as IndexSpec['projection'],
        nonKeyAttributes: g.Projection?.NonKeyAttributes ?? [],
      }),
    ),
  };
};

/** The table's spec and the ARN of its stream. */
export const describeSource = async (source: StreamSource) => {
  const client = new DynamoDBClient(source);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: source.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${source.tableName} has no stream`);
    if (Table.StreamSpecification?.StreamViewType !== 'NEW_AND_OLD_IMAGES')
      throw new Error(`The stream of ${source.tableName} must carry NEW_AND_OLD_IMAGES`);
    return { spec: tableSpecOf(Table), streamArn: Table.LatestStreamArn };
  } finally {
    client.destroy();
  }
};

/** An open window on the stream: `close()` answers every record written since it opened. */
export interface StreamWindow {
  close(): Promise<_Record[]>;
}

/** Opens a window on the stream at `streamArn`; it polls every `pollMs` until closed. */
export const openStreamWindow = async (
  source: StreamSource,
  streamArn: string,
  pollMs = 250,
): Promise<StreamWindow> => {
  const streams = new DynamoDBStreamsClient(source);
  const records: _Record[] = [];
  const iterators = new Map<string, string | undefined>();
  const known = new Set<string>();

  const shards = async () => {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      all.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  };
  const iterator = async (shardId: string, type: 'LATEST' | 'TRIM_HORIZON') =>
    (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }),
      )
    ).ShardIterator;

  // Open shards from now on; closed ones hold only the past.
  for (const shard of await shards()) {
    const id = shard.ShardId ?? '';
    known.add(id);
    if (!shard.SequenceNumberRange?.EndingSequenceNumber) iterators.set(id, await iterator(id, 'LATEST'));
  }

  /** One pass over every shard; answers how many records it read. */
  const poll = async () => {
    for (const shard of await shards()) {
      const id = shard.ShardId ?? '';
      if (known.has(id)) continue;
      known.add(id);
      iterators.set(id, await iterator(id, 'TRIM_HORIZON'));
    }
    let read = 0;
    for (const [id, at] of iterators) {
      if (!at) {
        iterators.delete(id);
        continue;
      }
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: at, Limit: 1000 }),
      );
      records.push(...Records);
      read += Records.length;
      iterators.set(id, NextShardIterator);
    }
    return read;
  };

  // Polling while the work runs keeps the iterators fresh (they expire after 15 minutes).
  let closing = false;
  let failure: unknown;
  const polling = (async () => {
    while (!closing) {
      await poll();
      await new Promise((r) => setTimeout(r, pollMs));
    }
  })().catch((error: unknown) => {
    failure = error;
  });

  return {
    close: async () => {
      closing = true;
      await polling;
      if (failure) throw failure;
      // Read to the end: until a whole pass finds nothing new.
      while ((await poll()) > 0);
      streams.destroy();
      return records;
    },
  };
};
