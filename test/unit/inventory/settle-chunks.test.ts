import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationWrites,
  chunkSize,
  decisionChunk,
  itemsPerAllocation,
} from '#contexts/inventory/data/settle-chunks.ts';
import type { Reservation } from '#contexts/inventory/domain/schemas.ts';
import { MAX_ALLOCATIONS } from '#contexts/inventory/domain/schemas.ts';
import { MAX_TRANSACT_ITEMS } from '#platform/data/transact.ts';

const reservation = (n: number, settledBy: Reservation['settledBy']): Reservation => ({
  id: 'r1',
  ref: 'order-1',
  status: settledBy === 'commit' ? 'committed' : 'released',
  lines: [],
  allocations: Array.from({ length: n }, (_, i) => ({
    variantId: `v${i}`,
    locationId: 'wh',
    shard: 0,
    quantity: 2,
  })),
  expiresAt: '2030-01-01T00:00:00.000Z',
  createdAt: '2030-01-01T00:00:00.000Z',
  settledBy,
});

/** Transactions a settlement takes: the decision, then chunks for what it could not hold. */
const transactions = (total: number, fixed: number, settledBy: Reservation['settledBy']) =>
  1 + Math.ceil((total - decisionChunk(total, fixed, settledBy)) / chunkSize(settledBy));

describe('settlement chunks', () => {
  it('writes the level and a sale ledger entry per committed allocation, only the level per released one', () => {
    const at = new Date('2030-01-01T00:00:00.000Z');
    const sold = allocationWrites('t', reservation(5, 'commit'), 1, 3, at);
    expect(sold).toHaveLength(4);
    expect(sold[0]?.Update?.UpdateExpression).toBe('ADD onHand :negq, reserved :negq');
    expect(sold[1]?.Put?.Item).toMatchObject({
      variantId: 'v1',
      type: 'sale',
      delta: -2,
      reservationId: 'r1',
    });
    expect(sold[2]?.Update?.Key).toMatchObject({ pk: 'STOCK#v2' });
    const returned = allocationWrites('t', reservation(5, 'expiry'), 3, 5, at);
    expect(returned.map((i) => i.Update?.UpdateExpression)).toEqual([
      'ADD reserved :negq, available :q',
      'ADD reserved :negq, available :q',
    ]);
    expect(itemsPerAllocation('release')).toBe(1);
  });

  it('fits a 2-item-companion commit of 48 allocations, or a 8-item-companion release of 90, in one transaction', () => {
    // Fixed items: the status Update, the event(s) and the companion.
    expect(decisionChunk(48, 1 + 1 + 2, 'commit')).toBe(48);
    expect(decisionChunk(49, 1 + 1 + 2, 'commit')).toBe(48);
    expect(decisionChunk(90, 1 + 1 + 8, 'release')).toBe(90);
    expect(chunkSize('commit')).toBe(49);
    expect(chunkSize('release')).toBe(99);
  });

  it('never exceeds one transaction and needs at most 2 for any reservation up to MAX_ALLOCATIONS', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ALLOCATIONS }),
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom<Reservation['settledBy']>('commit', 'release', 'expiry'),
        (total, companion, kind) => {
          const fixed = 1 + (kind === 'expiry' ? 2 : 1) + companion;
          const first = decisionChunk(total, fixed, kind);
          expect(fixed + first * itemsPerAllocation(kind)).toBeLessThanOrEqual(MAX_TRANSACT_ITEMS);
          expect(1 + chunkSize(kind) * itemsPerAllocation(kind)).toBeLessThanOrEqual(MAX_TRANSACT_ITEMS);
          expect(transactions(total, fixed, kind)).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
