import type { DynamoDBRecord } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { outboxRecordOf, putOnBus } from '../data/event-bus.ts';

const busName = requireEnv('EVENT_BUS_NAME');

/**
 * Pipe target: the Pipe has already filtered the stream to inserted outbox records. Puts them on the
 * bus; any failed entry fails the invocation, so the Pipe retries the batch, and consumers deduplicate
 * by event id, which makes a redelivered event harmless.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> =>
  putOnBus(busName, records.map(outboxRecordOf));
