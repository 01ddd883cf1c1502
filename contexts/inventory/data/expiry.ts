import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { reservationKeys } from './keys.ts';
import { settleReservation } from './settle.ts';

/** What one sweep did. */
export interface SweepResult {
  readonly expired: string[];
  readonly alreadySettled: number;
}

/** The ids of up to `limit` held reservations of one gsi1 bucket whose hold ended before `now`, soonest first. */
const dueIn = async (table: string, bucket: number, now: Date, limit: number): Promise<string[]> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :now',
      ExpressionAttributeValues: { ':p': reservationKeys.heldPartition(bucket), ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return Items.map((i) => i.id as string);
};

/** Buckets worked at once: a run keeps as many requests in flight as when there were 16 buckets. */
const SWEEP_CONCURRENCY = 16;

/**
 * The expiry sweep: releases every held reservation whose hold ended before `now` (StockReleased with
 * reason `expired` and ReservationExpired). One Query per gsi1 bucket finds them (soonest first, only
 * held ones are in the index), then each is settled like a release — idempotent, so a sweep racing a
 * commit or another sweep never returns units twice. 16 buckets are worked at a time (each one's
 * reservations in turn), so a run's time does not grow with the bucket count as a serial one would;
 * `limit` bounds the work of one run per bucket.
 */
export const expireDue = async (table: string, now = new Date(), limit = 100): Promise<SweepResult> => {
  const expired: string[] = [];
  let alreadySettled = 0;
  let next = 0;
  const worker = async () => {
    for (let bucket = next++; bucket < reservationKeys.buckets; bucket = next++)
      for (const id of await dueIn(table, bucket, now, limit)) {
        const { changed } = await settleReservation(table, id, 'expiry', () => now);
        if (changed) expired.push(id);
        else alreadySettled++;
      }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  return { expired, alreadySettled };
};
