import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAmountError } from '#platform/money/errors.ts';
import { mulDivHalfUp } from '#platform/money/rounding.ts';

/** The definition of half up, in exact integer arithmetic. */
const reference = (a: number, b: number, c: number): bigint => {
  const p = BigInt(a) * BigInt(b);
  const q = p / BigInt(c);
  return 2n * (p % BigInt(c)) >= BigInt(c) ? q + 1n : q;
};

describe('mulDivHalfUp', () => {
  it.each([
    [1, 5, 10, 1], // 0.5 → 1
    [1, 4, 10, 0], // 0.4 → 0
    [3, 5, 10, 2], // 1.5 → 2 (half up, not half even)
    [5, 5, 10, 3], // 2.5 → 3 (half up, not half even)
    [1999, 190_000, 1_000_000, 380], // 19 % of 19.99 = 3.7981
    [2379, 190_000, 1_190_000, 380], // the tax inside 23.79 at 19 %
    [0, 190_000, 1_000_000, 0],
  ])('%i × %i ÷ %i rounds half up to %i', (a, b, c, expected) => {
    expect(mulDivHalfUp(a, b, c)).toBe(expected);
  });

  it('agrees with exact integer arithmetic, on the fast path and the BigInt path', () => {
    const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat());
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (a, b, c) => {
          const exact = reference(a, b, c);
          fc.pre(exact <= BigInt(Number.MAX_SAFE_INTEGER));
          expect(BigInt(mulDivHalfUp(a, b, c))).toBe(exact);
        },
      ),
    );
  });

  it('rejects non-integer operands and a zero divisor', () => {
    expect(() => mulDivHalfUp(1.5, 1, 1)).toThrow(InvalidAmountError);
    expect(() => mulDivHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});
