import { assertAmount } from './arithmetic.ts';

// The one rounding rule of the money module: ROUND HALF UP (for the non-negative amounts used here,
// the same as half away from zero). It is "commercial rounding": what tax authorities publish
// (EU VAT guidance, HMRC, German kaufmännische Rundung) and what a shopper checking with a calculator
// gets. Its upward bias is at most half a minor unit per rounded figure; largest-remainder allocation
// (allocate.ts) is used wherever parts must add up exactly, so the bias never splits a total.

// Below this the Number path is exact: a product ≤ 2^52 and a quotient correction stay integral.
const EXACT_LIMIT = 2 ** 52;

/** `a × b ÷ c` rounded half up, exactly, for non-negative safe integers (c > 0). */
export const mulDivHalfUp = (a: number, b: number, c: number): number => {
  assertAmount(a, 'operand');
  assertAmount(b, 'operand');
  if (!Number.isSafeInteger(c) || c <= 0) throw new RangeError(`divisor must be a positive integer: ${c}`);
  const product = a * b;
  if (product <= EXACT_LIMIT && c <= EXACT_LIMIT) {
    let quotient = Math.floor(product / c);
    let remainder = product - quotient * c;
    // A float quotient can land one off when the true one is within an ulp of an integer.
    if (remainder < 0) {
      quotient -= 1;
      remainder += c;
    } else if (remainder >= c) {
      quotient += 1;
      remainder -= c;
    }
    return 2 * remainder >= c ? quotient + 1 : quotient;
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  const q = big / bc;
  const r = big % bc;
  return assertAmount(Number(2n * r >= bc ? q + 1n : q), 'result');
};
