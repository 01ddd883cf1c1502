import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '#platform/money/allocate.ts';
import { InvalidAmountError } from '#platform/money/errors.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocate (largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [5, [3, 7], [2, 3]], // shares 1.5 / 3.5: tie on remainder goes to the earlier part
    [10, [0, 0], [5, 5]], // all weights zero: split evenly
    [1, [0, 5, 0], [0, 1, 0]],
    [0, [4, 2], [0, 0]],
    [1000, [1999, 4999, 999], [250, 625, 125]], // floors 249 + 625 + 124; remainders .97 and .92 get the 2 left
  ])('splits %i across %j as %j', (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it('rejects fractional amounts and weights', () => {
    expect(() => allocate(10.5, [1])).toThrow(InvalidAmountError);
    expect(() => allocate(10, [0.5])).toThrow(InvalidAmountError);
    expect(() => allocate(1, [])).toThrow(RangeError);
  });

  const weights = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 });

  it('parts always sum to the amount exactly and are never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toBe(amount);
        for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
    );
  });

  it('gives each part its exact share within one minor unit, and never more than its weight', () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), (ws, share) => {
        const total = sum(ws);
        fc.pre(total > 0);
        const amount = Math.floor(total * share);
        const parts = allocate(amount, ws);
        parts.forEach((p, i) => {
          expect(Math.abs(p - (amount * ws[i]!) / total)).toBeLessThan(1);
          expect(p).toBeLessThanOrEqual(ws[i]!);
        });
      }),
    );
  });

  it('stays exact when amount × weight leaves the safe-integer range (BigInt path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2 ** 40, max: 2 ** 50 }),
        fc.array(fc.integer({ min: 2 ** 20, max: 2 ** 30 }), { minLength: 1, maxLength: 8 }),
        (amount, ws) => {
          const parts = allocate(amount, ws);
          expect(sum(parts)).toBe(amount);
          for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
