import { backoff, MAX_TRANSACT_ITEMS, type TransactItem, transact } from '#platform/data/transact.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import type { Reservation } from '../domain/schemas.ts';
import { ledgerPut, returnUnits, shipUnits } from './items.ts';
import { reservationKeys } from './keys.ts';
import { readReservation } from './reserve.ts';

const MAX_ATTEMPTS = 30;

/** Transaction items one allocation's settlement writes: level + ledger entry for a sale, the level alone for a release. */
export const itemsPerAllocation = (settledBy: Reservation['settledBy']): number =>
  settledBy === 'commit' ? 2 : 1;

/** How many allocations' writes fit in `room` transaction items (0 when none do). */
export const allocationsThatFit = (room: number, settledBy: Reservation['settledBy']): number =>
  Math.max(0, Math.floor(room / itemsPerAllocation(settledBy)));

/** Allocations the deciding transaction applies, after its `fixedItems` (status Update, events, companion). */
export const decisionChunk = (
  total: number,
  fixedItems: number,
  settledBy: Reservation['settledBy'],
): number => Math.min(total, allocationsThatFit(MAX_TRANSACT_ITEMS - fixedItems, settledBy));

/** Allocations each later chunk applies: all of its items but the progress mark's Update. */
export const chunkSize = (settledBy: Reservation['settledBy'], maxItems = MAX_TRANSACT_ITEMS): number =>
  allocationsThatFit(maxItems - 1, settledBy);

/**
 * The stock writes of allocations `[from, to)`, as the decision recorded in `settledBy` says: a sale
 * ships the units and writes its ledger entry, a release or expiry returns them to their own shard.
 */
export const allocationWrites = (
  table: string,
  r: Reservation,
  from: number,
  to: number,
  at: Date,
): TransactItem[] =>
  r.allocations.slice(from, to).flatMap((a) =>
    r.settledBy === 'commit'
      ? [
          shipUnits(table, a),
          ledgerPut(
            table,
            {
              ...a,
              type: 'sale',
              delta: -a.quantity,
              reason: `order ${r.ref}`,
              actor: 'checkout',
              reservationId: r.id,
            },
            at,
          ),
        ]
      : [returnUnits(table, a)],
  );

/** Moves the reservation's progress mark; the condition makes each chunk apply exactly once. */
const advanceItem = (table: string, id: string, prev: number, next: number): TransactItem => ({
  Update: {
    TableName: table,
    Key: reservationKeys.reservation(id),
    UpdateExpression: 'SET settledThrough = :next',
    ConditionExpression: 'settledThrough = :prev',
    ExpressionAttributeValues: { ':prev': prev, ':next': next },
  },
});

/**
 * Applies the stock writes a settled reservation still owes (those beyond `settledThrough`), one
 * transaction per chunk: the next allocations' writes + `settledThrough = :next` if `= :prev`. A chunk
 * another caller applied first fails that condition; the reservation is re-read and work resumes from
 * its mark, so every allocation is applied once, however many callers race. Returns the reservation
 * as it ends (complete). `maxItems` only exists so tests can force small chunks.
 */
export const finishSettlement = async (
  table: string,
  settled: Reservation,
  now: () => Date = () => new Date(),
  maxItems = MAX_TRANSACT_ITEMS,
): Promise<Reservation> => {
  let r = settled;
  const total = r.allocations.length;
  const size = chunkSize(r.settledBy, maxItems);
  if (size < 1) throw new Error(`A chunk of ${maxItems} items cannot hold one allocation's writes`);
  for (let attempt = 0; r.status !== 'held' && (r.settledThrough ?? total) < total; ) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(
        `Reservation ${r.id}: settlement chunks could not be applied after ${MAX_ATTEMPTS} attempts`,
      );
    const prev = r.settledThrough ?? total;
    const next = Math.min(total, prev + size);
    const writes = allocationWrites(table, r, prev, next, now());
    const result = await transact([...writes, advanceItem(table, r.id, prev, next)]);
    if (result.ok) {
      r = { ...r, settledThrough: next };
      continue;
    }
    if (result.conditionFailed[writes.length]) {
      // Another caller applied this chunk (the mark only grows: that is progress, not a retry).
      const fresh = await readReservation(table, r.id);
      if (!fresh) throw new NotFoundError(`Reservation ${r.id} does not exist`, 'reservation_not_found');
      r = fresh;
      continue;
    }
    // Held units always cover the allocation until its chunk applies; a failed level condition breaks that.
    if (result.conditionFailed.some(Boolean))
      throw new Error(
        `Reservation ${r.id}: a stock level no longer holds the units of allocations ${prev}–${next}`,
      );
    await backoff(attempt++);
  }
  return r;
};
