import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { PipeDef } from '#platform/definition/types.ts';
import { matchesPattern } from '../eventbridge/pattern.ts';
import type { Invoke } from '../lambda/types.ts';
import { toLambdaRecord } from './record.ts';

export interface PipesOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly tableName: string;
  readonly pipes: Readonly<Record<string, PipeDef>>;
  readonly invoke: Invoke;
  readonly pollIntervalMs?: number;
  /** Attempts per batch before it is dropped (the Pipe's MaximumRetryAttempts + 1). */
  readonly maxAttempts?: number;
}

export interface LocalPipes {
  /** Resolves when every record read so far has been handed to its target. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * EventBridge Pipes with a DynamoDB stream source, on DynamoDB Local: reads every shard, applies each
 * pipe's filter (EventBridge pattern syntax, the same matcher as the local bus) and invokes the target
 * with batches of matching records. A failed batch is retried, then logged and skipped (in AWS it
 * goes to the pipe's dead-letter queue).
 */
export const start = async (options: PipesOptions): Promise<LocalPipes> => {
  const ddb = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
  });
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
  });
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();
  const lastSequence = new Map<string, string>();
  let stopped = false;
  let busy = Promise.resolve();

  const deliver = async (records: ReturnType<typeof toLambdaRecord>[]) => {
    for (const [name, pipe] of Object.entries(options.pipes)) {
      const matching = records.filter((r) => matchesPattern(pipe.filter, r));
      for (let i = 0; i < matching.length; i += pipe.batchSize) {
        const batch = matching.slice(i, i + pipe.batchSize);
        for (let attempt = 1; ; attempt++) {
          try {
            await options.invoke(pipe.target, batch);
            break;
          } catch (error) {
            if (attempt >= (options.maxAttempts ?? 3)) {
              console.error(
                `[pipes] ${name}: batch of ${batch.length} dropped after ${attempt} attempts:`,
                error,
              );
              break;
            }
            await new Promise((r) => setTimeout(r, 200 * attempt));
          }
        }
      }
    }
  };

  const pollOnce = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId;
      if (!id || finished.has(id) || iterators.has(id)) continue;
      // From the start of each shard (no outbox record written before the poller started is lost), or
      // just after the last record delivered when an iterator expired.
      const after = lastSequence.get(id);
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: id,
          ...(after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      iterators.set(id, ShardIterator);
    }
    for (const [id, iterator] of iterators) {
      if (!iterator) {
        iterators.delete(id);
        finished.add(id);
        continue;
      }
      try {
        const { Records = [], NextShardIterator } = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
        );
        if (Records.length > 0) {
          await deliver(Records.map((r) => toLambdaRecord(r, streamArn, options.region)));
          const last = Records.at(-1)?.dynamodb?.SequenceNumber;
          if (last) lastSequence.set(id, last);
        }
        iterators.set(id, NextShardIterator);
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterators.delete(id);
      }
    }
  };

  const loop = async () => {
    while (!stopped) {
      busy = pollOnce().catch((error: unknown) => {
        if (!stopped) console.error('[pipes] poll failed:', error);
      });
      await busy;
      await new Promise((r) => setTimeout(r, options.pollIntervalMs ?? 100));
    }
  };
  const running = loop();

  return {
    idle: async () => {
      await busy;
      await busy;
    },
    stop: async () => {
      stopped = true;
      await running;
      ddb.destroy();
      streams.destroy();
    },
  };
};
