import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { Reservation } from '../domain/schemas.ts';
import { reservationKeys } from './keys.ts';
import { readReservation } from './reserve.ts';

/** Most reservations one support query returns. */
export const MAX_RESERVATIONS_LISTED = 100;

const ids = (items: Record<string, unknown>[] | undefined) => (items ?? []).map((i) => i.id as string);

/**
 * The reservation a holder's ref names: a holder names its reservation after itself (checkout reserves
 * for `order:<orderId>` under reservation id `<orderId>`), so `<kind>:<id>` is read by key, 1 GetItem,
 * and kept only if it really is that holder's. No index entry per reservation is needed for it.
 */
const reservationOfRef = async (table: string, ref: string) => {
  const id = ref.slice(ref.indexOf(':') + 1);
  const found = id && id !== ref ? await readReservation(table, id) : undefined;
  return found?.ref === ref ? [found] : [];
};

/**
 * Reservations for support staff: the one of an order (`ref` `order:<orderId>`, read by key), or the
 * held ones that expire soonest (one Query per gsi1 bucket, merged). Each is then read from the table, so
 * the status shown is current even though the index is eventually consistent.
 */
export const listReservations = async (
  table: string,
  filter: { ref?: string | undefined; limit: number },
): Promise<Reservation[]> => {
  if (filter.ref) return reservationOfRef(table, filter.ref);
  const buckets = await Promise.all(
    Array.from({ length: reservationKeys.buckets }, (_, b) =>
      documentClient().send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': reservationKeys.heldPartition(b) },
          Limit: filter.limit,
        }),
      ),
    ),
  );
  const held = buckets.flatMap((b) => b.Items ?? []);
  held.sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)));
  const reservations = await Promise.all(
    ids(held.slice(0, filter.limit)).map((id) => readReservation(table, id)),
  );
  return reservations.filter((r): r is Reservation => r !== undefined);
};
