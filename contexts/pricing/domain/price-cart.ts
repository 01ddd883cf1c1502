import { addAmounts, sumAmounts } from '#platform/money/arithmetic.ts';
import type { PricingInput } from './cart-schemas.ts';
import { targetsLine } from './eligibility.ts';
import { cartWeight, type Evaluation, type EvaluationContext, evaluate } from './evaluate.ts';
import { type PreparedLine, prepareLines } from './prepared-lines.ts';
import type { Promotion } from './promotion-schemas.ts';
import { rateTableTaxCalculator } from './rate-table.ts';
import { bestDeal, candidateSets, considerPromotions, outcome } from './selection.ts';
import type { TaxCalculator } from './tax-port.ts';
import type { CartTotals, CheckoutBlocker, PricedLine, PricedShipping } from './totals-schemas.ts';

/** Replaces the built-in rate table with another tax adapter (an external provider's). */
export interface PriceCartOptions {
  readonly taxCalculator?: TaxCalculator;
}

/**
 * Prices a cart from current data: line subtotals, the best deal among the eligible promotions,
 * discounts allocated to lines, shipping, tax and totals. Pure and deterministic: the same input gives
 * the same figures, so a cart can be repriced on every read and change.
 */
export const priceCart = (input: PricingInput, options: PriceCartOptions = {}): CartTotals => {
  const prepared = prepareLines(input.lines);
  const purchasable = prepared.filter((l) => !l.excluded).map((l) => l.line);
  const subtotal = sumAmounts(prepared.map((l) => l.subtotal));
  const { eligible, rejected } = considerPromotions(input, {
    currency: input.currency,
    nowMs: Date.parse(input.now),
    customer: input.customer,
    subtotal,
    lines: purchasable,
  });
  const ctx: EvaluationContext = {
    currency: input.currency,
    destination: input.destination,
    pricesIncludeTax: input.tax.pricesIncludeTax[input.currency] ?? false,
    shippingTaxClass: input.tax.shippingTaxClass,
    shippingOption: input.shippingOption,
    lines: prepared,
    targets: new Map(eligible.map((p) => [p.id, targetIndexes(prepared, p)])),
    weightGrams: cartWeight(prepared),
    taxCalculator: options.taxCalculator ?? rateTableTaxCalculator(input.tax.regions),
  };
  const chosen = bestDeal(candidateSets(eligible).map((set) => evaluate(ctx, set)));
  const promotions = outcome(eligible, chosen);
  const lines = pricedLines(prepared, chosen, ctx.pricesIncludeTax);
  const shipping = pricedShipping(input, chosen, ctx.pricesIncludeTax);
  const shippingTotal = shipping?.status === 'ok' ? shipping.amount : 0;
  const lineDiscounts = sumAmounts(lines.map((l) => l.discountTotal));
  return {
    currency: input.currency,
    pricesIncludeTax: ctx.pricesIncludeTax,
    lines,
    shipping,
    subtotal,
    discountTotal: addAmounts(lineDiscounts, chosen.shippingDiscount),
    shippingTotal,
    taxTotal: addAmounts(sumAmounts(lines.map((l) => l.tax)), shipping?.status === 'ok' ? shipping.tax : 0),
    grandTotal: chosen.grandTotal,
    promotions: { applied: promotions.applied, rejected: [...rejected, ...promotions.rejected] },
    checkoutBlockers: blockers(prepared, shipping),
  };
};

const targetIndexes = (lines: readonly PreparedLine[], p: Promotion): number[] => {
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (!l.excluded && targetsLine(p, l.line)) idx.push(i);
  });
  return idx;
};

const pricedLines = (
  prepared: readonly PreparedLine[],
  chosen: Evaluation,
  inclusive: boolean,
): PricedLine[] =>
  prepared.map((p, i) => {
    const tax = chosen.tax.lines[i]!;
    const net = chosen.remaining[i]!;
    return {
      variantId: p.line.variantId,
      productId: p.line.productId,
      quantity: p.line.quantity,
      unitPrice: p.line.unitPrice,
      ...(p.line.previousUnitPrice === undefined ? {} : { previousUnitPrice: p.line.previousUnitPrice }),
      ...(p.line.priceListId === undefined ? {} : { priceListId: p.line.priceListId }),
      subtotal: p.subtotal,
      discounts: chosen.allocations[i]!,
      discountTotal: p.subtotal - net,
      taxClass: p.line.taxClass,
      taxRatePpm: tax.ratePpm,
      tax: tax.tax,
      total: inclusive ? net : net + tax.tax,
      flags: [...p.flags],
      excluded: p.excluded,
    };
  });

const pricedShipping = (
  input: PricingInput,
  chosen: Evaluation,
  inclusive: boolean,
): PricedShipping | null => {
  const option = input.shippingOption;
  if (!option || !chosen.shipping) return null;
  if (!chosen.shipping.ok)
    return { status: 'unavailable', optionId: option.id, reason: chosen.shipping.reason };
  const tax = chosen.tax.shipping ?? { tax: 0, ratePpm: 0 };
  const net = chosen.shipping.amount - chosen.shippingDiscount;
  return {
    status: 'ok',
    optionId: option.id,
    amount: chosen.shipping.amount,
    discount: chosen.shippingDiscount,
    taxRatePpm: tax.ratePpm,
    tax: tax.tax,
    total: inclusive ? net : net + tax.tax,
  };
};

const blockers = (prepared: readonly PreparedLine[], shipping: PricedShipping | null): CheckoutBlocker[] => {
  const out: CheckoutBlocker[] = [];
  if (prepared.length === 0) out.push('empty_cart');
  if (prepared.some((l) => l.excluded)) out.push('excluded_lines');
  if (shipping === null) out.push('no_shipping_option');
  else if (shipping.status === 'unavailable') out.push('shipping_unavailable');
  return out;
};
