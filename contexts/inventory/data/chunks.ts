import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { reservationKeys } from './keys.ts';

/** Attempts lost to conflicts, or to a mark that did not move, before the work gives up (and is retried). */
const MAX_ATTEMPTS = 30;

/**
 * Writes over a reservation's allocations applied one chunk per transaction, with a progress mark on
 * the reservation that only grows (`settledThrough` for a settlement, `restockedThrough` for a
 * cancellation's restock). Each chunk is its writes plus the mark's move from `prev` to `next`,
 * conditional on the mark still being `prev`: a chunk applies once however many callers race or retry.
 */
export interface ChunkedWork {
  /** Names the work in errors (`Reservation r1: restock`). */
  readonly label: string;
  /** Allocations in all. */
  readonly total: number;
  /** Allocations per chunk (at least 1). */
  readonly size: number;
  /** Allocations already applied, as last read. */
  readonly done: number;
  /** The stock writes of allocations `[from, to)`. */
  writes(from: number, to: number): TransactItem[];
  /** The mark's conditional move (the transaction's last item). */
  advance(prev: number, next: number): TransactItem;
  /** The mark as stored now (after a chunk lost its condition to another caller). */
  reread(): Promise<number>;
}

/**
 * Applies what is left of `work`, chunk after chunk, and returns the final mark (`total`). A chunk whose
 * mark moved meanwhile is not retried: the mark is re-read and work resumes from it. A failed condition
 * of a write itself means the stock no longer matches what the chunk assumes: that throws.
 */
export const applyChunks = async (work: ChunkedWork): Promise<number> => {
  if (work.size < 1) throw new Error(`${work.label}: a chunk must hold at least one allocation`);
  let done = work.done;
  for (let attempt = 0; done < work.total; ) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(`${work.label}: chunks could not be applied after ${MAX_ATTEMPTS} attempts`);
    const next = Math.min(work.total, done + work.size);
    const writes = work.writes(done, next);
    const result = await transact([...writes, work.advance(done, next)]);
    if (result.ok) {
      done = next;
      continue;
    }
    if (result.conditionFailed[writes.length]) {
      // Another caller applied this chunk: progress, not a retry; a mark that did not move is one.
      const fresh = await work.reread();
      if (fresh <= done) await backoff(attempt++);
      done = Math.max(done, fresh);
      continue;
    }
    if (result.conditionFailed.some(Boolean))
      throw new Error(`${work.label}: a stock level refused the writes of allocations ${done}–${next}`);
    await backoff(attempt++);
  }
  return done;
};

/**
 * The Update moving a reservation's progress mark `attribute` from `prev` to `next` (a mark absent
 * counts as 0), on condition it is still `prev` and `also` (a further condition, with its values) holds.
 */
export const markAdvance = (
  table: string,
  reservationId: string,
  attribute: 'settledThrough' | 'restockedThrough',
  prev: number,
  next: number,
  also?: { readonly condition: string; readonly values: Record<string, unknown> },
): TransactItem => {
  const atPrev = prev === 0 ? `(attribute_not_exists(#m) OR #m = :prev)` : '#m = :prev';
  return {
    Update: {
      TableName: table,
      Key: reservationKeys.reservation(reservationId),
      UpdateExpression: 'SET #m = :next',
      ConditionExpression: also ? `${atPrev} AND ${also.condition}` : atPrev,
      ExpressionAttributeNames: { '#m': attribute },
      ExpressionAttributeValues: { ':prev': prev, ':next': next, ...(also?.values ?? {}) },
    },
  };
};
