import { z } from 'zod';
import { currencyCode, minorUnits, taxClass } from '#contexts/catalog/domain/schemas.ts';
import { amountSchema } from '#platform/money/schema.ts';
import { promotionCode, promotionId, rejectionReason } from './promotion-schemas.ts';
import { shippingUnavailableReason } from './shipping-schemas.ts';
import { ratePpm } from './tax-schemas.ts';

/** Why a line is shown with a warning; every flag but `price_changed` also keeps it out of the totals. */
export const lineFlag = z.enum(['price_changed', 'archived', 'out_of_stock', 'unavailable']);
export type LineFlag = z.infer<typeof lineFlag>;

export const discountAllocation = z.object({ promotionId, amount: amountSchema });

/** One priced line. Excluded lines (archived, out of stock, unavailable) carry zeros but keep their flags. */
export const pricedLineSchema = z.object({
  variantId: z.string().max(64),
  productId: z.string().max(64),
  quantity: z.number().int().positive(),
  unitPrice: minorUnits.nullable(),
  previousUnitPrice: minorUnits.optional(),
  /** The price list the unit price comes from, when one beat the catalog's (base or sale) price. */
  priceListId: z.string().max(64).optional(),
  subtotal: amountSchema,
  discounts: z.array(discountAllocation),
  discountTotal: amountSchema,
  taxClass,
  taxRatePpm: ratePpm,
  tax: amountSchema,
  /** What the line costs: subtotal − discounts (+ tax when prices exclude it). */
  total: amountSchema,
  flags: z.array(lineFlag),
  excluded: z.boolean(),
});
export type PricedLine = z.infer<typeof pricedLineSchema>;

/** The chosen shipping option's figures, or why it cannot ship this cart. */
export const pricedShippingSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    optionId: z.string().max(64),
    amount: amountSchema,
    discount: amountSchema,
    taxRatePpm: ratePpm,
    tax: amountSchema,
    total: amountSchema,
  }),
  z.object({
    status: z.literal('unavailable'),
    optionId: z.string().max(64),
    reason: shippingUnavailableReason,
  }),
]);
export type PricedShipping = z.infer<typeof pricedShippingSchema>;

export const appliedPromotionSchema = z.object({
  promotionId,
  code: promotionCode.optional(),
  type: z.enum(['percentage', 'fixed_amount', 'free_shipping', 'buy_x_get_y']),
  amount: amountSchema,
});
export type AppliedPromotion = z.infer<typeof appliedPromotionSchema>;

export const rejectedPromotionSchema = z.object({
  promotionId: promotionId.optional(),
  code: promotionCode.optional(),
  reason: rejectionReason,
});
export type RejectedPromotion = z.infer<typeof rejectedPromotionSchema>;

/** What keeps the cart from checkout as priced; empty when it can go ahead. */
export const checkoutBlocker = z.enum([
  'empty_cart',
  'excluded_lines',
  'no_shipping_option',
  'shipping_unavailable',
]);
export type CheckoutBlocker = z.infer<typeof checkoutBlocker>;

/**
 * A priced cart. Exclusive mode: grandTotal = subtotal − discountTotal + shippingTotal + taxTotal.
 * Inclusive mode: grandTotal = subtotal − discountTotal + shippingTotal (taxTotal is the tax inside it).
 * `shippingTotal` is before discounts; a free-shipping discount is part of `discountTotal`.
 */
export const cartTotalsSchema = z.object({
  currency: currencyCode,
  pricesIncludeTax: z.boolean(),
  lines: z.array(pricedLineSchema),
  shipping: pricedShippingSchema.nullable(),
  subtotal: amountSchema,
  discountTotal: amountSchema,
  shippingTotal: amountSchema,
  taxTotal: amountSchema,
  grandTotal: amountSchema,
  promotions: z.object({
    applied: z.array(appliedPromotionSchema),
    rejected: z.array(rejectedPromotionSchema),
  }),
  checkoutBlockers: z.array(checkoutBlocker),
});
export type CartTotals = z.infer<typeof cartTotalsSchema>;
