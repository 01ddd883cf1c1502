import { describe, expect, it } from 'vitest';
import {
  addAmounts,
  assertAmount,
  multiplyAmount,
  subtractAmounts,
  sumAmounts,
} from '#platform/money/arithmetic.ts';
import { AmountOverflowError, InvalidAmountError } from '#platform/money/errors.ts';

describe('money arithmetic', () => {
  it.each([
    ['a float', 10.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative amount', -1],
    ['an unsafe integer', 2 ** 53],
  ])('rejects %s with invalid_amount', (_, value) => {
    expect(() => assertAmount(value)).toThrow(InvalidAmountError);
    expect(() => addAmounts(value, 1)).toThrow(InvalidAmountError);
    expect(() => multiplyAmount(1, value)).toThrow(InvalidAmountError);
    try {
      assertAmount(value);
    } catch (e) {
      expect(e).toMatchObject({ statusCode: 400, code: 'invalid_amount' });
    }
  });

  it('adds, subtracts, multiplies and sums exactly', () => {
    expect(addAmounts(1999, 1)).toBe(2000);
    expect(subtractAmounts(2000, 1)).toBe(1999);
    expect(multiplyAmount(1999, 3)).toBe(5997);
    expect(sumAmounts([])).toBe(0);
    expect(sumAmounts([1, 2, 3])).toBe(6);
  });

  it('refuses a difference below zero', () => {
    expect(() => subtractAmounts(1, 2)).toThrow(InvalidAmountError);
  });

  it('refuses sums and products past the safe-integer range with amount_overflow', () => {
    expect(() => addAmounts(Number.MAX_SAFE_INTEGER, 1)).toThrow(AmountOverflowError);
    expect(() => multiplyAmount(2 ** 30, 2 ** 30)).toThrow(
      expect.objectContaining({ statusCode: 422, code: 'amount_overflow' }),
    );
  });
});
