import { backoff, MAX_TRANSACT_ITEMS, type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import type { Reservation } from '../domain/schemas.ts';
import { INVENTORY_SOURCE } from '../events.ts';
import { SETTLED_RETENTION_SECONDS } from './items.ts';
import { reservationKeys } from './keys.ts';
import { readReservation } from './reserve.ts';
import { allocationWrites, decisionChunk, finishSettlement } from './settle-chunks.ts';

/** How a held reservation ends: released by its owner, committed (sold), or released by the expiry sweep. */
export type SettleKind = 'release' | 'commit' | 'expiry';

/** The outcome: the reservation as it now is, and whether this call made the decision (false = no-op). */
export interface Settled {
  readonly reservation: Reservation;
  readonly changed: boolean;
}

/** Writes that commit once, with the decision (checkout: the order's new status, usage given back, events). */
export type SettleCompanion = (reservation: Reservation, at: Date) => TransactItem[];

const MAX_ATTEMPTS = 30;

/** The outbox records that report the decision; they carry every allocation, applied yet or not. */
const decisionEvents = (table: string, r: Reservation, kind: SettleKind, at: Date): TransactItem[] => {
  const { id: reservationId, ref, allocations } = r;
  const event = (type: string, data: unknown) => ({
    Put: { TableName: table, Item: outboxItem(INVENTORY_SOURCE, type, data, at) },
  });
  if (kind === 'commit') return [event('StockCommitted', { reservationId, ref, allocations })];
  const reason = kind === 'expiry' ? 'expired' : 'released';
  const events = [event('StockReleased', { reservationId, ref, allocations, reason })];
  if (kind === 'expiry')
    events.push(event('ReservationExpired', { reservationId, ref, expiresAt: r.expiresAt }));
  return events;
};

/**
 * The decisive Update: `status = held` is what makes release/commit idempotent — a second call, or a
 * release racing a commit or the sweep, fails it and changes nothing, so units are never returned twice.
 * It records how many allocations this transaction applies (`settledThrough`) for the chunks that follow.
 */
const decisionUpdate = (table: string, r: Reservation, kind: SettleKind, at: Date, through: number) => ({
  Update: {
    TableName: table,
    Key: reservationKeys.reservation(r.id),
    // Leaving gsi1 (held, by expiry) takes it out of the sweep; TTL removes it after retention.
    UpdateExpression:
      'SET #s = :s, settledAt = :at, settledBy = :by, expiresAt = :ttl, settledThrough = :k REMOVE gsi1pk, gsi1sk',
    ConditionExpression: '#s = :held',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':s': kind === 'commit' ? 'committed' : 'released',
      ':held': 'held',
      ':at': at.toISOString(),
      ':by': kind,
      ':ttl': Math.floor(at.getTime() / 1000) + SETTLED_RETENTION_SECONDS,
      ':k': through,
    },
  },
});

/**
 * Makes the decision for a held reservation (1 consistent Get + 1 TransactWriteItems, "T0"): the status
 * Update, its events, the companion items and as many allocations' stock writes as fit in the rest of
 * the 100 items. It does NOT apply the remaining chunks (`settleReservation` does): alone it is what a
 * caller that died right after T0 leaves behind. A reservation no longer held is returned unchanged.
 */
export const decideSettlement = async (
  table: string,
  reservationId: string,
  kind: SettleKind,
  now: () => Date = () => new Date(),
  companion?: SettleCompanion,
): Promise<Settled> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const r = await readReservation(table, reservationId);
    if (!r) throw new NotFoundError(`Reservation ${reservationId} does not exist`, 'reservation_not_found');
    if (r.status !== 'held') return { reservation: r, changed: false };
    const at = now();
    // The sweep may have read the index just before the hold was extended or settled: re-check.
    if (kind === 'expiry' && r.expiresAt > at.toISOString()) return { reservation: r, changed: false };
    const extra = companion?.(r, at) ?? [];
    const events = decisionEvents(table, r, kind, at);
    const fixed = 1 + events.length + extra.length;
    if (fixed > MAX_TRANSACT_ITEMS)
      throw new UnprocessableError(
        `Settling reservation ${reservationId} needs ${fixed} items besides its stock writes; one transaction holds ${MAX_TRANSACT_ITEMS}`,
        'settlement_too_large',
      );
    const settledBy = kind;
    const through = decisionChunk(r.allocations.length, fixed, settledBy);
    const decided: Reservation = {
      ...r,
      status: kind === 'commit' ? 'committed' : 'released',
      settledAt: at.toISOString(),
      settledBy,
      settledThrough: through,
    };
    const own = [decisionUpdate(table, r, kind, at, through), ...events];
    const writes = allocationWrites(table, decided, 0, through, at);
    const result = await transact([...own, ...extra, ...writes]);
    if (result.ok) return { reservation: decided, changed: true };
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

/**
 * Ends a held reservation: the decision (`decideSettlement`, with the companion, exactly once), then any
 * stock writes that did not fit it, in chunks (`finishSettlement`). Requests: 1 Get + 1 transaction
 * when everything fits (commit ≤ 48 allocations with a 2-item companion, release ≤ 90 with 8), else + 1
 * per further chunk of 49 (commit) / 99 (release) allocations — at most 2 transactions within
 * MAX_ALLOCATIONS. Idempotent: on a reservation already settled it only finishes pending chunks (a
 * retried call after a crash between chunks completes the work) and answers `changed: false` without
 * applying the companion again. 404 `reservation_not_found`; 409 `settle_refused` when a companion
 * condition fails (nothing settles, the units stay held); 422 `settlement_too_large` for a companion
 * that leaves no room in one transaction.
 */
export const settleReservation = async (
  table: string,
  reservationId: string,
  kind: SettleKind,
  now: () => Date = () => new Date(),
  companion?: SettleCompanion,
): Promise<Settled> => {
  const settled = await decideSettlement(table, reservationId, kind, now, companion);
  if (settled.reservation.status === 'held') return settled;
  return { ...settled, reservation: await finishSettlement(table, settled.reservation, now) };
};

/**
 * Applies what is left of a reservation's settlement (the stock writes of chunks a crashed caller did
 * not reach) without deciding anything: a held reservation stays held. For callers that learn from
 * their own records that the decision was made (checkout: the order is no longer unpaid). 1 Get (+ the
 * pending chunks).
 */
export const finishPendingSettlement = async (
  table: string,
  reservationId: string,
  now: () => Date = () => new Date(),
): Promise<void> => {
  const r = await readReservation(table, reservationId);
  if (r && r.status !== 'held') await finishSettlement(table, r, now);
};
