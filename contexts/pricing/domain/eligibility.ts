import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { CustomerContext, PricingLine } from './cart-schemas.ts';
import type { Promotion, PromotionUsage, RejectionReason } from './promotion-schemas.ts';

/** What eligibility is judged on: the cart before any discount, the customer, and usage so far. */
export interface EligibilityContext {
  readonly currency: CurrencyCode;
  readonly nowMs: number;
  readonly customer: CustomerContext;
  readonly usage: PromotionUsage | undefined;
  /** Merchandise subtotal of the purchasable lines, before discounts. */
  readonly subtotal: number;
  /** The purchasable lines (flagged-out lines never qualify a promotion). */
  readonly lines: readonly Pick<PricingLine, 'productId' | 'categoryIds'>[];
}

/** Whether a line is one the promotion's product/category conditions point at (all lines when none). */
export const targetsLine = (
  promotion: Promotion,
  line: Pick<PricingLine, 'productId' | 'categoryIds'>,
): boolean => {
  const products = promotion.conditions?.productIds;
  const categories = promotion.conditions?.categoryIds;
  if (!products && !categories) return true;
  if (products?.includes(line.productId)) return true;
  return categories !== undefined && line.categoryIds.some((c) => categories.includes(c));
};

/**
 * Whether the customer is one a group-limited promotion is for. A promotion that is not for them is
 * treated as if it did not exist (an entered code is `unknown_code`, an automatic one is not listed),
 * so a refusal never reveals that a group offer exists.
 */
export const reachesCustomer = (promotion: Promotion, customer: CustomerContext): boolean => {
  const groups = promotion.conditions?.customerGroupIds;
  return groups === undefined || groups.some((g) => customer.groupIds?.includes(g) ?? false);
};

/**
 * Why a promotion cannot apply to this cart, or null when it can. Checks run from the cheapest and most
 * final to the most cart-dependent, so the reason shown is the one the shopper cannot fix first.
 */
export const ineligibility = (promotion: Promotion, ctx: EligibilityContext): RejectionReason | null =>
  scheduleReason(promotion, ctx.nowMs) ??
  usageReason(promotion, ctx) ??
  customerReason(promotion, ctx.customer) ??
  cartReason(promotion, ctx);

const scheduleReason = (p: Promotion, nowMs: number): RejectionReason | null => {
  if (p.startsAt !== undefined && nowMs < Date.parse(p.startsAt)) return 'not_started';
  if (p.endsAt !== undefined && nowMs >= Date.parse(p.endsAt)) return 'expired';
  return null;
};

// The counts are a snapshot; the data layer's atomic counter has the last word when the order is placed.
const usageReason = (p: Promotion, ctx: EligibilityContext): RejectionReason | null => {
  if (p.usageLimit !== undefined && (ctx.usage?.total ?? 0) >= p.usageLimit) return 'exhausted';
  if (p.perCustomerLimit === undefined) return null;
  if (!ctx.customer.signedIn) return 'sign_in_required';
  return (ctx.usage?.customer ?? 0) >= p.perCustomerLimit ? 'customer_limit_reached' : null;
};

// A guest's order history is unknown, so "first order" needs a signed-in customer too.
const customerReason = (p: Promotion, customer: CustomerContext): RejectionReason | null => {
  const who = p.conditions?.customer ?? 'anyone';
  if (who === 'anyone') return null;
  if (!customer.signedIn) return 'sign_in_required';
  return who === 'first_order' && !customer.firstOrder ? 'first_order_only' : null;
};

const cartReason = (p: Promotion, ctx: EligibilityContext): RejectionReason | null => {
  const minimum = p.conditions?.minimumSubtotal;
  const minimumHere = minimum?.[ctx.currency];
  if (minimum !== undefined && minimumHere === undefined) return 'currency_not_supported';
  if (p.type === 'fixed_amount' && p.amounts[ctx.currency] === undefined) return 'currency_not_supported';
  if (minimumHere !== undefined && ctx.subtotal < minimumHere) return 'minimum_not_met';
  return ctx.lines.some((l) => targetsLine(p, l)) ? null : 'no_matching_items';
};
