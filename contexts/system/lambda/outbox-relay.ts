import type { DynamoDBRecord } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { outboxRecordsOfStream, putOnBus } from '../data/event-bus.ts';

const busName = requireEnv('EVENT_BUS_NAME');

/**
 * Pipe target: the Pipe has already filtered the stream to inserted outbox items, each carrying one
 * event or a transaction's batch of them. Puts every event on the bus; an entry that keeps failing
 * fails the invocation, so the Pipe retries the batch, and consumers deduplicate by event id, which
 * makes a redelivered event harmless.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> =>
  putOnBus(busName, records.flatMap(outboxRecordsOfStream));
