import { reservationKeys } from '../data/keys.ts';
import { backoff, MAX_TRANSACT_ITEMS, type TransactItem, transact } from '../data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors/index.ts';
import { outboxItem } from '../events/outbox.ts';
import { INVENTORY_SOURCE } from './events.ts';
import { ledgerPut, returnUnits, SETTLED_RETENTION_SECONDS, shipUnits } from './items.ts';
import { readReservation } from './reserve.ts';
import type { Reservation } from './schemas.ts';

/** How a held reservation ends: released by its owner, committed (sold), or released by the expiry sweep. */
export type SettleKind = 'release' | 'commit' | 'expiry';

/** The outcome: the reservation as it now is, and whether this call changed it (false = no-op). */
export interface Settled {
  readonly reservation: Reservation;
  readonly changed: boolean;
}

const MAX_ATTEMPTS = 30;

/**
 * The transaction that ends a held reservation. The reservation's `status = held` condition is what
 * makes release/commit idempotent: a second call, or a release racing a commit or the sweep, fails
 * that condition and changes nothing — units are never returned twice.
 */
const settleItems = (table: string, r: Reservation, kind: SettleKind, at: Date): TransactItem[] => {
  const status = kind === 'commit' ? 'committed' : 'released';
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table,
        Key: reservationKeys.reservation(r.id),
        // Leaving gsi1 (held, by expiry) takes it out of the sweep; TTL removes it after retention.
        UpdateExpression:
          'SET #s = :s, settledAt = :at, settledBy = :by, expiresAt = :ttl REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#s = :held',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': status,
          ':held': 'held',
          ':at': at.toISOString(),
          ':by': kind,
          ':ttl': Math.floor(at.getTime() / 1000) + SETTLED_RETENTION_SECONDS,
        },
      },
    },
  ];
  const { id: reservationId, ref, allocations } = r;
  const event = (type: string, data: unknown) => ({
    Put: { TableName: table, Item: outboxItem(INVENTORY_SOURCE, type, data, at) },
  });
  if (kind === 'commit') {
    for (const a of allocations) {
      items.push(shipUnits(table, a));
      items.push(
        ledgerPut(
          table,
          {
            ...a,
            type: 'sale',
            delta: -a.quantity,
            reason: `order ${ref}`,
            actor: 'checkout',
            reservationId,
          },
          at,
        ),
      );
    }
    items.push(event('StockCommitted', { reservationId, ref, allocations }));
  } else {
    for (const a of allocations) items.push(returnUnits(table, a));
    const reason = kind === 'expiry' ? 'expired' : 'released';
    items.push(event('StockReleased', { reservationId, ref, allocations, reason }));
    if (kind === 'expiry')
      items.push(event('ReservationExpired', { reservationId, ref, expiresAt: r.expiresAt }));
  }
  return items;
};

/**
 * Ends a held reservation (1 consistent Get + 1 TransactWriteItems). Idempotent: a reservation that is
 * no longer held is returned unchanged. 404 `reservation_not_found` for an unknown id. `companion` items
 * (checkout: the order's new status, usage given back, events) commit in the same transaction, so they
 * happen exactly once, with the settlement; a companion condition that fails is a 409 `settle_refused`.
 */
export const settleReservation = async (
  table: string,
  reservationId: string,
  kind: SettleKind,
  now = () => new Date(),
  companion?: (reservation: Reservation, at: Date) => TransactItem[],
): Promise<Settled> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const r = await readReservation(table, reservationId);
    if (!r) throw new NotFoundError(`Reservation ${reservationId} does not exist`, 'reservation_not_found');
    if (r.status !== 'held') return { reservation: r, changed: false };
    const at = now();
    // The sweep may have read the index just before the hold was extended or settled: re-check.
    if (kind === 'expiry' && r.expiresAt > at.toISOString()) return { reservation: r, changed: false };
    const own = settleItems(table, r, kind, at);
    const extra = companion?.(r, at) ?? [];
    if (own.length + extra.length > MAX_TRANSACT_ITEMS)
      throw new UnprocessableError(
        `Settling reservation ${reservationId} with its companion writes needs ${own.length + extra.length} items; one transaction holds ${MAX_TRANSACT_ITEMS}`,
        'settlement_too_large',
      );
    const result = await transact([...own, ...extra]);
    if (result.ok) {
      const status = kind === 'commit' ? 'committed' : 'released';
      return { reservation: { ...r, status, settledAt: at.toISOString(), settledBy: kind }, changed: true };
    }
    // Status condition failed: someone else settled it; the next read returns that as a no-op.
    if (result.conditionFailed[0]) continue;
    // The reservation was still held, so a companion item's own condition refused the change.
    if (extra.some((_, i) => result.conditionFailed[own.length + i]))
      throw new ConflictError(
        `Settling reservation ${reservationId}: a companion write was refused`,
        'settle_refused',
      );
    await backoff(attempt);
  }
  throw new Error(`Reservation ${reservationId} could not be settled after ${MAX_ATTEMPTS} attempts`);
};
