import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { Reservation } from '../domain/schemas.ts';
import { reservationKeys } from './keys.ts';
import { readReservation } from './reserve.ts';

/** Most reservations one support query returns. */
export const MAX_RESERVATIONS_LISTED = 100;

const ids = (items: Record<string, unknown>[] | undefined) => (items ?? []).map((i) => i.id as string);

/**
 * Reservations for support staff: those of one order or cart (gsi2, newest first), or the held ones
 * that expire soonest (one Query per gsi1 bucket, merged). Each is then read from the table, so the
 * status shown is current even though the indexes are eventually consistent.
 */
export const listReservations = async (
  table: string,
  filter: { ref?: string | undefined; limit: number },
): Promise<Reservation[]> => {
  const query = (index: string, condition: string, partition: string, forward: boolean) =>
    documentClient().send(
      new QueryCommand({
        TableName: table,
        IndexName: index,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: { ':p': partition },
        ScanIndexForward: forward,
        Limit: filter.limit,
      }),
    );
  let found: string[];
  if (filter.ref) {
    found = ids(
      (await query('gsi2', 'gsi2pk = :p', reservationKeys.byRefPartition(filter.ref), false)).Items,
    );
  } else {
    const buckets = await Promise.all(
      Array.from({ length: reservationKeys.buckets }, (_, b) =>
        query('gsi1', 'gsi1pk = :p', reservationKeys.heldPartition(b), true),
      ),
    );
    const held = buckets.flatMap((b) => b.Items ?? []);
    held.sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)));
    found = ids(held.slice(0, filter.limit));
  }
  const reservations = await Promise.all(found.map((id) => readReservation(table, id)));
  return reservations.filter((r): r is Reservation => r !== undefined);
};
