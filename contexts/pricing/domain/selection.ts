import type { PricingInput } from './cart-schemas.ts';
import { type EligibilityContext, ineligibility, reachesCustomer } from './eligibility.ts';
import type { Evaluation } from './evaluate.ts';
import type { Promotion } from './promotion-schemas.ts';
import type { AppliedPromotion, RejectedPromotion } from './totals-schemas.ts';

/** The promotions that may apply, and those refused before any pricing with their reasons. */
export interface Considered {
  readonly eligible: readonly Promotion[];
  readonly rejected: readonly RejectedPromotion[];
}

/**
 * Sorts the loaded promotions: automatic ones are all considered; a code promotion only when its code
 * was entered (a code matching none is `unknown_code`); one limited to groups the customer is not in is
 * ignored as if it were not loaded. Each is then checked for eligibility.
 */
export const considerPromotions = (
  input: Pick<PricingInput, 'promotions' | 'codes' | 'usage'>,
  ctx: Omit<EligibilityContext, 'usage'>,
): Considered => {
  const codes = new Set(input.codes);
  const eligible: Promotion[] = [];
  const rejected: RejectedPromotion[] = [];
  // A group offer for someone outside its groups is not there at all (no reason that reveals it).
  const visible = input.promotions.filter((p) => reachesCustomer(p, ctx.customer));
  for (const code of codes) {
    if (!visible.some((p) => p.code === code)) rejected.push({ code, reason: 'unknown_code' });
  }
  for (const p of visible) {
    if (p.code !== undefined && !codes.has(p.code)) continue;
    const reason = ineligibility(p, { ...ctx, usage: input.usage[p.id] });
    if (reason) rejected.push(withCode(p, { promotionId: p.id, reason }));
    else eligible.push(p);
  }
  return { eligible, rejected };
};

/**
 * The sets of promotions that may be applied together: all combinable ones stacked, each
 * non-combinable one alone, and none at all. The best deal is the set with the lowest grand total.
 */
export const candidateSets = (eligible: readonly Promotion[]): Promotion[][] => {
  const combinable = eligible.filter((p) => p.combinable);
  const sets = combinable.length > 0 ? [combinable] : [];
  for (const p of eligible) if (!p.combinable) sets.push([p]);
  sets.push([]);
  return sets;
};

/** The cheapest evaluation for the shopper; on a tie the earlier candidate (stacked set first) wins. */
export const bestDeal = (evaluations: readonly Evaluation[]): Evaluation =>
  evaluations.reduce((best, e) => (e.grandTotal < best.grandTotal ? e : best));

/**
 * Applied promotions (those in the winning set that saved something) and the eligible ones that were
 * not: `no_benefit` when they were in the winning set or nothing won, else `not_combinable`.
 */
export const outcome = (
  eligible: readonly Promotion[],
  chosen: Evaluation,
): { applied: AppliedPromotion[]; rejected: RejectedPromotion[] } => {
  const applied: AppliedPromotion[] = [];
  const rejected: RejectedPromotion[] = [];
  const inChosen = new Set(chosen.promotions.map((p) => p.id));
  for (const p of eligible) {
    const amount = chosen.amounts.get(p.id) ?? 0;
    if (inChosen.has(p.id) && amount > 0) {
      applied.push(withCode(p, { promotionId: p.id, type: p.type, amount }));
    } else {
      const reason = inChosen.has(p.id) || chosen.promotions.length === 0 ? 'no_benefit' : 'not_combinable';
      rejected.push(withCode(p, { promotionId: p.id, reason }));
    }
  }
  return { applied, rejected };
};

const withCode = <T extends object>(p: Promotion, fields: T): T & { code?: string } =>
  p.code === undefined ? fields : { ...fields, code: p.code };
