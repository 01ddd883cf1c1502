import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { reservationKeys } from './keys.ts';
import { settleReservation } from './settle.ts';

/** What one sweep did. */
export interface SweepResult {
  readonly expired: string[];
  readonly alreadySettled: number;
}

/**
 * The expiry sweep: releases every held reservation whose hold ended before `now` (StockReleased with
 * reason `expired` and ReservationExpired). One Query per gsi1 bucket finds them (soonest first, only
 * held ones are in the index), then each is settled like a release — idempotent, so a sweep racing a
 * commit or another sweep never returns units twice. `limit` bounds the work of one run per bucket.
 */
export const expireDue = async (table: string, now = new Date(), limit = 100): Promise<SweepResult> => {
  const due = await Promise.all(
    Array.from({ length: reservationKeys.buckets }, async (_, bucket) => {
      const { Items = [] } = await documentClient().send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :now',
          ExpressionAttributeValues: {
            ':p': reservationKeys.heldPartition(bucket),
            ':now': now.toISOString(),
          },
          Limit: limit,
        }),
      );
      return Items.map((i) => i.id as string);
    }),
  );
  const expired: string[] = [];
  let alreadySettled = 0;
  for (const id of due.flat()) {
    const { changed } = await settleReservation(table, id, 'expiry', () => now);
    if (changed) expired.push(id);
    else alreadySettled++;
  }
  return { expired, alreadySettled };
};
