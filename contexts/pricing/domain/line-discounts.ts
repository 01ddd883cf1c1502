import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { allocate } from '#platform/money/allocate.ts';
import { multiplyAmount, sumAmounts } from '#platform/money/arithmetic.ts';
import { mulDivHalfUp } from '#platform/money/rounding.ts';
import type { Promotion } from './promotion-schemas.ts';

const BPS = 10_000;

/** A line a promotion targets: its unit price, quantity, and what is left of it after earlier discounts. */
export interface DiscountTarget {
  readonly unitPrice: number;
  readonly quantity: number;
  readonly remaining: number;
}

/**
 * The discount a promotion gives each targeted line, in target order; each part ≤ that line's
 * `remaining`, so no line goes below zero. Order-level amounts (percentage, fixed) are computed once on
 * the targets' total and spread by largest remainder, so they equal the advertised figure exactly.
 */
export const lineDiscounts = (
  promotion: Promotion,
  targets: readonly DiscountTarget[],
  currency: CurrencyCode,
): number[] => {
  const weights = targets.map((t) => t.remaining);
  const base = sumAmounts(weights);
  switch (promotion.type) {
    case 'percentage':
      return allocate(mulDivHalfUp(base, promotion.percentBps, BPS), weights);
    case 'fixed_amount':
      return allocate(Math.min(promotion.amounts[currency] ?? 0, base), weights);
    case 'buy_x_get_y':
      return buyXGetY(promotion, targets);
    case 'free_shipping':
      return targets.map(() => 0);
  }
};

type BuyXGetY = Extract<Promotion, { type: 'buy_x_get_y' }>;

/**
 * Buy X get Y: the targeted units are lined up from the dearest to the cheapest and cut into groups of
 * X + Y; in each group the last Y units (the cheapest) get `getPercentBps` off. A trailing partial group
 * discounts the units beyond its first X. `maxApplications` caps the number of groups.
 */
const buyXGetY = (p: BuyXGetY, targets: readonly DiscountTarget[]): number[] => {
  const group = p.buyQuantity + p.getQuantity;
  const cap = p.maxApplications === undefined ? Number.POSITIVE_INFINITY : p.maxApplications * group;
  // Discounted units among the first n units of the line-up.
  const discountedIn = (n: number): number => {
    const m = Math.min(n, cap);
    return Math.floor(m / group) * p.getQuantity + Math.max(0, (m % group) - p.buyQuantity);
  };
  const order = targets
    .map((_, i) => i)
    .sort((a, b) => targets[b]!.unitPrice - targets[a]!.unitPrice || a - b);
  const result = targets.map(() => 0);
  let start = 0;
  for (const i of order) {
    const t = targets[i]!;
    const units = discountedIn(start + t.quantity) - discountedIn(start);
    start += t.quantity;
    if (units === 0) continue;
    const off = mulDivHalfUp(multiplyAmount(t.unitPrice, units), p.getPercentBps, BPS);
    result[i] = Math.min(off, t.remaining);
  }
  return result;
};
