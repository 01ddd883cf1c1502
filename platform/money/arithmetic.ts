import { AmountOverflowError, InvalidAmountError } from './errors.ts';

// Every money value is an integer count of minor units. Floats, NaN, negatives and integers beyond
// 2^53 - 1 are refused at the door, so every sum and product below is exact.

/** Returns `value` if it is a non-negative safe integer; throws `InvalidAmountError` otherwise. */
export const assertAmount = (value: number, what = 'amount'): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidAmountError(value, what);
  return value;
};

/** The exact sum of two amounts; `AmountOverflowError` past the safe-integer range. */
export const addAmounts = (a: number, b: number): number => {
  const sum = assertAmount(a) + assertAmount(b);
  if (!Number.isSafeInteger(sum)) throw new AmountOverflowError('an addition');
  return sum;
};

/** `a - b`, refused (`InvalidAmountError`) when it would go below zero: money here is never negative. */
export const subtractAmounts = (a: number, b: number): number =>
  assertAmount(assertAmount(a) - assertAmount(b), 'difference');

/** An amount times a non-negative integer count (a unit price times a quantity), exactly. */
export const multiplyAmount = (amount: number, count: number): number => {
  const product = assertAmount(amount) * assertAmount(count, 'multiplier');
  if (!Number.isSafeInteger(product)) throw new AmountOverflowError('a multiplication');
  return product;
};

/** The exact sum of a list of amounts (0 for an empty list). */
export const sumAmounts = (amounts: readonly number[]): number => {
  let total = 0;
  for (const a of amounts) total = addAmounts(total, a);
  return total;
};
