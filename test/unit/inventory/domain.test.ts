import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, putStockInput } from '#contexts/inventory/domain/schemas.ts';
import { shardOrder, shardTargets } from '#contexts/inventory/domain/shards.ts';
import { source } from '#contexts/inventory/domain/sourcing.ts';
import {
  adjustmentDelta,
  alertDecision,
  alertTransition,
  distributeDelta,
  invariantViolation,
  summaryStale,
} from '#contexts/inventory/domain/stock.ts';

const loc = (id: string, priority: number, regions: string[] = []) => ({
  id,
  priority,
  regions,
  active: true,
});
const at = (locationId: string, available: number) => ({ locationId, shard: 0, available });

describe('source', () => {
  const locations = [loc('a', 1), loc('b', 2), loc('c', 2, ['EU'])];

  it('fills the whole order from the best single location that can', () => {
    const result = source(
      [
        { variantId: 'x', quantity: 2, candidates: [at('a', 1), at('b', 5)] },
        { variantId: 'y', quantity: 1, candidates: [at('a', 9), at('b', 1)] },
      ],
      locations,
    );
    expect(result).toEqual({
      ok: true,
      allocations: [
        { variantId: 'x', locationId: 'b', shard: 0, quantity: 2 },
        { variantId: 'y', locationId: 'b', shard: 0, quantity: 1 },
      ],
    });
  });

  it('splits by priority, then most stock, when no single location can', () => {
    const result = source(
      [{ variantId: 'x', quantity: 6, candidates: [at('b', 2), at('c', 3), at('a', 2)] }],
      locations,
    );
    expect(result.ok && result.allocations.map((a) => [a.locationId, a.quantity])).toEqual([
      ['a', 2],
      ['c', 3],
      ['b', 1],
    ]);
  });

  it('names every short line with what the eligible locations hold', () => {
    const result = source(
      [
        { variantId: 'x', quantity: 1, candidates: [at('a', 1)] },
        { variantId: 'y', quantity: 4, candidates: [at('a', 1), at('c', 2)] },
      ],
      locations,
      'US',
    );
    expect(result).toEqual({ ok: false, short: [{ variantId: 'y', requested: 4, available: 1 }] });
  });

  it('never allocates more than asked or more than a candidate has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat({ max: 20 }), { minLength: 3, maxLength: 3 }),
        (qty, stock) => {
          const candidates = stock.map((s, i) => at(['a', 'b', 'c'][i]!, s));
          const result = source([{ variantId: 'x', quantity: qty, candidates }], locations);
          const total = stock.reduce((a, b) => a + b, 0);
          if (!result.ok) {
            expect(total).toBeLessThan(qty);
            return;
          }
          expect(result.allocations.reduce((a, x) => a + x.quantity, 0)).toBe(qty);
          for (const a of result.allocations)
            expect(a.quantity).toBeLessThanOrEqual(
              candidates.find((c) => c.locationId === a.locationId)!.available,
            );
        },
      ),
    );
  });
});

describe('shards', () => {
  it('orders every shard exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), (n) => {
        expect(shardOrder(n).sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      }),
    );
  });

  it('spreads available stock evenly and keeps each shard’s reserved units on it', () => {
    const targets = shardTargets(
      [
        { shard: 0, onHand: 10, reserved: 4 },
        { shard: 1, onHand: 3, reserved: 3 },
      ],
      4,
      20,
    );
    // 13 available over 4 shards: 4, 3, 3, 3 on top of each shard's reserved units.
    expect(targets).toEqual(
      new Map([
        [0, 8],
        [1, 6],
        [2, 3],
        [3, 3],
      ]),
    );
    expect([...(targets as Map<number, number>).values()].reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('refuses to drop a shard that still holds reservations, or to go below what is reserved', () => {
    expect(shardTargets([{ shard: 3, onHand: 2, reserved: 1 }], 2, 10)).toBe('reserved_on_removed_shard');
    expect(shardTargets([{ shard: 0, onHand: 5, reserved: 5 }], 1, 4)).toBe('below_reserved');
  });
});

describe('stock math', () => {
  it('takes a decrease from the fullest shards and refuses more than is available', () => {
    const shards = [
      { shard: 0, available: 1 },
      { shard: 1, available: 5 },
    ];
    expect(distributeDelta(shards, -5)).toEqual(new Map([[1, -5]]));
    expect(distributeDelta(shards, -6)).toEqual(
      new Map([
        [1, -5],
        [0, -1],
      ]),
    );
    expect(distributeDelta(shards, -7)).toBeUndefined();
    expect([...distributeDelta(shards, 5)!.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it.each([
    ['receipt', undefined, 3],
    ['return', undefined, 3],
    ['shrinkage', undefined, -3],
    ['correction', 'decrease', -3],
    ['correction', 'increase', 3],
  ] as const)('signs a %s (%s)', (type, direction, expected) => {
    expect(adjustmentDelta(type, 3, direction)).toBe(expected);
  });

  it('flags figures that break available = onHand − reserved ≥ 0', () => {
    expect(invariantViolation({ onHand: 5, reserved: 2, available: 3 })).toBeUndefined();
    expect(invariantViolation({ onHand: 5, reserved: 2, available: 2 })).toBeDefined();
    expect(invariantViolation({ onHand: 1, reserved: 2, available: -1 })).toBeDefined();
  });

  it('raises LowStock and OutOfStock once per crossing, re-arming above the line', () => {
    const armed = { lowAlerted: false, outAlerted: false };
    expect(alertTransition(armed, 6, 5)).toEqual({ next: armed, alerts: [] });
    const low = alertTransition(armed, 5, 5);
    expect(low).toEqual({ next: { lowAlerted: true, outAlerted: false }, alerts: ['LowStock'] });
    expect(alertTransition(low.next, 4, 5).alerts).toEqual([]);
    const out = alertTransition(low.next, 0, 5);
    expect(out).toEqual({ next: { lowAlerted: true, outAlerted: true }, alerts: ['OutOfStock'] });
    expect(alertTransition(out.next, 0, 5).alerts).toEqual([]);
    // One change from above the threshold to zero crosses both lines.
    expect(alertTransition(armed, 0, 5).alerts).toEqual(['LowStock', 'OutOfStock']);
    // Back above zero re-arms OutOfStock only; above the threshold re-arms LowStock too.
    expect(alertTransition(out.next, 3, 5).next).toEqual({ lowAlerted: true, outAlerted: false });
    expect(alertTransition(out.next, 9, 5).next).toEqual(armed);
  });

  it('writes the alert state only when a flag moves, on first sight, or when the summary is stale', () => {
    const stored = { lowAlerted: false, outAlerted: false, lastAvailable: 100 };
    expect(alertDecision(undefined, 100, 5)).toMatchObject({ alerts: [], flagsChanged: true, write: true });
    expect(alertDecision(stored, 95, 5)).toMatchObject({ alerts: [], flagsChanged: false, write: false });
    expect(alertDecision(stored, 90, 5)).toMatchObject({ alerts: [], flagsChanged: false, write: true });
    expect(alertDecision({ ...stored, lastAvailable: 6 }, 5, 5)).toMatchObject({
      alerts: ['LowStock'],
      flagsChanged: true,
      write: true,
    });
    // Already alerted and still low: only a stale summary is worth a write.
    const low = { lowAlerted: true, outAlerted: false, lastAvailable: 4 };
    expect(alertDecision(low, 4, 5).write).toBe(false);
    expect(alertDecision(low, 3, 5)).toMatchObject({ alerts: [], flagsChanged: false, write: true });
    // A re-arm is a change even when it emits nothing.
    expect(alertDecision(low, 40, 5)).toMatchObject({ alerts: [], flagsChanged: true, write: true });
  });

  it('keeps the summary exact up to 10 units and within 10 % above', () => {
    expect(summaryStale(7, 7)).toBe(false);
    expect(summaryStale(0, 1)).toBe(true);
    expect(summaryStale(10, 9)).toBe(true);
    expect(summaryStale(11, 10)).toBe(false);
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (stored, available) => {
        // Whatever is not rewritten is within a tenth of the truth (so exact below 10 units).
        if (!summaryStale(stored, available))
          expect(Math.abs(available - stored) * 10).toBeLessThan(Math.max(stored, 1));
      }),
    );
  });

  it('rewrites the summary a logarithmic number of times while a hot SKU sells out, not once per order', () => {
    let stored = 1_000_000;
    let writes = 0;
    for (let available = stored - 1; available >= 0; available--)
      if (summaryStale(stored, available)) {
        stored = available;
        writes++;
      }
    expect(stored).toBe(0);
    expect(writes).toBeLessThan(200);
  });

  it('accepts at most 48 shards, so a reshard of one location (2 items a shard + its event) fits 100 items', () => {
    expect(2 * MAX_SHARDS + 1).toBeLessThanOrEqual(100);
    expect(putStockInput.safeParse({ shards: MAX_SHARDS }).success).toBe(true);
    expect(putStockInput.safeParse({ shards: MAX_SHARDS + 1 }).success).toBe(false);
  });
});
