import { MAX_TRANSACT_ITEMS, type TransactItem } from '#platform/data/transact.ts';
import type { Reservation } from '../domain/schemas.ts';
import { applyChunks, markAdvance } from './chunks.ts';
import { restockSold } from './items.ts';
import { reservationKeys } from './keys.ts';
import { readReservation } from './reserve.ts';
import { finishSettlement } from './settle-chunks.ts';

/** Transaction items per restocked allocation: its level's Update and its `return` ledger entry. */
const ITEMS_PER_ALLOCATION = 2;

/** Allocations one restock chunk puts back: all of its items but the mark's Update (49). */
export const restockChunkSize = (maxItems = MAX_TRANSACT_ITEMS): number =>
  Math.floor((maxItems - 1) / ITEMS_PER_ALLOCATION);

/** Who and why, for the `return` ledger entries. */
export interface RestockReason {
  readonly reason: string;
  readonly actor: string;
}

/**
 * Puts every unit a committed reservation sold back on the shelf of the shard and location it was sold
 * from (`restockSold`: on-hand and available up, a `return` ledger entry each), in chunks of 49
 * allocations, each one transaction with `restockedThrough = :next` on the reservation, conditional on
 * `restockedThrough = :prev` (absent = 0) and on the sale being fully applied (`settledThrough` = all).
 * So a retried or raced restock never puts a unit back twice, and one that stopped between chunks resumes
 * where it stopped. A settlement with chunks still pending is finished first (the sales land before their
 * returns). Returns the reservation as it ends, or undefined when there is none (TTL removed it 30 days
 * after it settled); a reservation that sold nothing is returned unchanged. 1 Get + 1 transaction per
 * chunk still to apply (+ the settlement's own); 1 Get when done.
 */
export const restockReservation = async (
  table: string,
  reservationId: string,
  why: RestockReason,
  now: () => Date = () => new Date(),
  maxItems = MAX_TRANSACT_ITEMS,
  /**
   * Which sold units go back, from the reservation's allocations (default: all). It must answer the same
   * list on every run, since `restockedThrough` counts positions in it.
   */
  pick: (sold: Reservation['allocations']) => Reservation['allocations'] = (sold) => sold,
): Promise<Restocked | undefined> => {
  const read = await readReservation(table, reservationId);
  if (read?.status !== 'committed') return read && { ...read, restocking: [] };
  const r = await finishSettlement(table, read, now);
  const total = r.allocations.length;
  const restocking = pick(r.allocations);
  const through = await applyChunks({
    label: `Reservation ${r.id}: restock`,
    total: restocking.length,
    size: restockChunkSize(maxItems),
    done: r.restockedThrough ?? 0,
    writes: (from, to) =>
      restocking.slice(from, to).flatMap((a) => restockSold(table, a, why.reason, why.actor, now())),
    advance: (prev, next) =>
      markAdvance(table, r.id, 'restockedThrough', prev, next, {
        // Reservations settled before chunked settlement have no mark: they were applied whole.
        condition: 'settledBy = :commit AND (attribute_not_exists(settledThrough) OR settledThrough = :all)',
        values: { ':commit': 'commit', ':all': total },
      }),
    reread: async () => (await readReservation(table, r.id))?.restockedThrough ?? 0,
  });
  return { ...r, restockedThrough: through, restocking };
};

/** A reservation after its restock, with the allocations that went back (`pick`'s answer). */
export type Restocked = Reservation & { readonly restocking: Reservation['allocations'] };

/**
 * A ConditionCheck for a caller's transaction: every unit `r` sold is back (its restock complete), so
 * what follows a restock (an order becoming `canceled`) cannot commit before all of its chunks have.
 */
export const restockedCheck = (table: string, r: Restocked): TransactItem => ({
  ConditionCheck: {
    TableName: table,
    Key: reservationKeys.reservation(r.id),
    ConditionExpression: 'restockedThrough = :all',
    ExpressionAttributeValues: { ':all': r.restocking.length },
  },
});
