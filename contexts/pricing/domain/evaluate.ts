import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { addAmounts, multiplyAmount } from '#platform/money/arithmetic.ts';
import { lineDiscounts } from './line-discounts.ts';
import type { PreparedLine } from './prepared-lines.ts';
import type { Promotion, PromotionType } from './promotion-schemas.ts';
import { quoteShipping, type ShippingQuote } from './shipping.ts';
import type { ShippingOption } from './shipping-schemas.ts';
import { checkTaxResult, type TaxCalculator, type TaxResult } from './tax-port.ts';
import type { Destination, TaxClass } from './tax-schemas.ts';

/** The cart facts every candidate set of promotions is priced against. */
export interface EvaluationContext {
  readonly currency: CurrencyCode;
  readonly destination: Destination;
  readonly pricesIncludeTax: boolean;
  readonly shippingTaxClass: TaxClass;
  readonly shippingOption: ShippingOption | null;
  readonly lines: readonly PreparedLine[];
  /** Per promotion id, the indexes of the purchasable lines it targets. */
  readonly targets: ReadonlyMap<string, readonly number[]>;
  readonly weightGrams: number;
  readonly taxCalculator: TaxCalculator;
}

/** One set of promotions priced through: per-line discounts, shipping, tax and the grand total. */
export interface Evaluation {
  readonly promotions: readonly Promotion[];
  /** Per line, the amount each promotion took off it (only non-zero entries). */
  readonly allocations: readonly { promotionId: string; amount: number }[][];
  readonly remaining: readonly number[];
  /** Per promotion id, its total discount (lines + shipping). */
  readonly amounts: ReadonlyMap<string, number>;
  readonly shipping: ShippingQuote | null;
  readonly shippingDiscount: number;
  readonly tax: TaxResult;
  readonly grandTotal: number;
}

// Fixed order of operations: item-level deals first (they price specific units), then percentages on
// what is left, then fixed amounts (so a percentage never applies to money already given away), and
// free shipping last, once the discounted subtotal has decided the shipping rate.
const RANK: Record<PromotionType, number> = {
  buy_x_get_y: 0,
  percentage: 1,
  fixed_amount: 2,
  free_shipping: 3,
};

/** Prices the cart with exactly these promotions applied (all of them already eligible). */
export const evaluate = (ctx: EvaluationContext, promotions: readonly Promotion[]): Evaluation => {
  const remaining = ctx.lines.map((l) => l.subtotal);
  const allocations: { promotionId: string; amount: number }[][] = ctx.lines.map(() => []);
  const amounts = new Map<string, number>();
  const ordered = [...promotions].sort((a, b) => RANK[a.type] - RANK[b.type]);
  for (const p of ordered) {
    const idx = ctx.targets.get(p.id) ?? [];
    const targets = idx.map((i) => ({
      unitPrice: ctx.lines[i]!.line.unitPrice ?? 0,
      quantity: ctx.lines[i]!.line.quantity,
      remaining: remaining[i]!,
    }));
    const parts = lineDiscounts(p, targets, ctx.currency);
    let total = 0;
    parts.forEach((amount, k) => {
      if (amount === 0) return;
      const i = idx[k]!;
      remaining[i] = remaining[i]! - amount;
      allocations[i]!.push({ promotionId: p.id, amount });
      total += amount;
    });
    amounts.set(p.id, total);
  }

  const discountedSubtotal = remaining.reduce(addAmounts, 0);
  const shipping = ctx.shippingOption
    ? quoteShipping(ctx.shippingOption, {
        country: ctx.destination.country,
        currency: ctx.currency,
        weightGrams: ctx.weightGrams,
        discountedSubtotal,
      })
    : null;
  const shippingAmount = shipping?.ok ? shipping.amount : 0;
  // One free-shipping promotion is enough; any other in the set saves nothing more.
  const freeShipping = ordered.find((p) => p.type === 'free_shipping');
  const shippingDiscount = freeShipping ? shippingAmount : 0;
  if (freeShipping) amounts.set(freeShipping.id, shippingDiscount);

  const request = {
    currency: ctx.currency,
    destination: ctx.destination,
    pricesIncludeTax: ctx.pricesIncludeTax,
    lines: remaining.map((amount, i) => ({ amount, taxClass: ctx.lines[i]!.line.taxClass })),
    shipping: shipping?.ok
      ? { amount: shippingAmount - shippingDiscount, taxClass: ctx.shippingTaxClass }
      : null,
  };
  const tax = checkTaxResult(request, ctx.taxCalculator.calculate(request));
  let grandTotal = addAmounts(discountedSubtotal, shippingAmount - shippingDiscount);
  if (!ctx.pricesIncludeTax) {
    for (const t of tax.lines) grandTotal = addAmounts(grandTotal, t.tax);
    grandTotal = addAmounts(grandTotal, tax.shipping?.tax ?? 0);
  }
  return { promotions, allocations, remaining, amounts, shipping, shippingDiscount, tax, grandTotal };
};

/** Total weight of the purchasable lines, in grams. */
export const cartWeight = (lines: readonly PreparedLine[]): number =>
  lines.reduce(
    (w, l) => (l.excluded ? w : addAmounts(w, multiplyAmount(l.line.weightGrams, l.line.quantity))),
    0,
  );
