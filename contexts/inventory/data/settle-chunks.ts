import { MAX_TRANSACT_ITEMS, type TransactItem } from '#platform/data/transact.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import type { Reservation } from '../domain/schemas.ts';
import { applyChunks, markAdvance } from './chunks.ts';
import { ledgerPut, returnUnits, shipUnits } from './items.ts';
import { readReservation } from './reserve.ts';

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

/**
 * Applies the stock writes a settled reservation still owes (those beyond `settledThrough`), one
 * transaction per chunk (`applyChunks`): the next allocations' writes + `settledThrough = :next` if
 * `= :prev`. A chunk another caller applied first fails that condition; work resumes from the mark as
 * re-read, so every allocation is applied once, however many callers race. Returns the reservation as it
 * ends (complete). `maxItems` only exists so tests can force small chunks.
 */
export const finishSettlement = async (
  table: string,
  settled: Reservation,
  now: () => Date = () => new Date(),
  maxItems = MAX_TRANSACT_ITEMS,
): Promise<Reservation> => {
  const r = settled;
  const total = r.allocations.length;
  if (r.status === 'held' || (r.settledThrough ?? total) >= total) return r;
  const size = chunkSize(r.settledBy, maxItems);
  if (size < 1) throw new Error(`A chunk of ${maxItems} items cannot hold one allocation's writes`);
  const through = await applyChunks({
    label: `Reservation ${r.id}: settlement`,
    total,
    size,
    done: r.settledThrough ?? total,
    writes: (from, to) => allocationWrites(table, r, from, to, now()),
    advance: (prev, next) => markAdvance(table, r.id, 'settledThrough', prev, next),
    reread: async () => {
      const fresh = await readReservation(table, r.id);
      if (!fresh) throw new NotFoundError(`Reservation ${r.id} does not exist`, 'reservation_not_found');
      return fresh.settledThrough ?? total;
    },
  });
  return { ...r, settledThrough: through };
};
