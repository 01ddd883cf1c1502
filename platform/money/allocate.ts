import { assertAmount } from './arithmetic.ts';

/**
 * Splits `amount` across `weights` in proportion, by the largest-remainder method, so the parts sum to
 * `amount` exactly and none is negative. Each part first gets the floor of its exact share; the minor
 * units left over go one each to the parts with the largest fractional remainders, ties to the earlier
 * index (deterministic). When `amount ≤ Σ weights`, no part exceeds its own weight (so a discount spread
 * by line amounts never takes a line below zero). All weights zero: split evenly, earlier parts first.
 */
export const allocate = (amount: number, weights: readonly number[]): number[] => {
  assertAmount(amount);
  const n = weights.length;
  if (n === 0) {
    if (amount === 0) return [];
    throw new RangeError('cannot allocate a non-zero amount across no parts');
  }
  let total = 0;
  for (const w of weights) total += assertAmount(w, 'weight');
  const effective = total === 0 ? weights.map(() => 1) : weights;
  const sum = total === 0 ? n : total;
  if (!Number.isSafeInteger(sum)) return allocateBig(amount, effective);

  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  let exact = true;
  for (let i = 0; i < n; i++) {
    const product = amount * effective[i]!;
    if (!Number.isSafeInteger(product)) {
      exact = false;
      break;
    }
    const floor = Math.floor(product / sum);
    // Correct a float quotient that landed one off (see rounding.ts).
    const fixed = floor * sum > product ? floor - 1 : (floor + 1) * sum <= product ? floor + 1 : floor;
    parts[i] = fixed;
    remainders[i] = product - fixed * sum;
    given += fixed;
  }
  if (!exact) return allocateBig(amount, effective);
  distribute(parts, remainders, amount - given);
  return parts;
};

/** Gives one unit to each of the `left` parts with the largest remainders (ties: lower index). */
const distribute = (parts: number[], remainders: readonly (number | bigint)[], left: number): void => {
  if (left === 0) return;
  const order = remainders.map((_, i) => i);
  order.sort((x, y) => {
    const rx = remainders[x]!;
    const ry = remainders[y]!;
    return rx === ry ? x - y : rx > ry ? -1 : 1;
  });
  for (let k = 0; k < left; k++) parts[order[k]!]! += 1;
};

const allocateBig = (amount: number, weights: readonly number[]): number[] => {
  const big = BigInt(amount);
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let given = 0;
  for (const w of weights) {
    const product = big * BigInt(w);
    const part = Number(product / sum);
    parts.push(part);
    remainders.push(product % sum);
    given += part;
  }
  distribute(parts, remainders, amount - given);
  return parts;
};
