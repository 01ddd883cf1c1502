import { z } from 'zod';
import { categoryId, currencyCode, minorUnits, taxClass } from '#contexts/catalog/domain/schemas.ts';
import { promotionCode, promotionId, promotionSchema, promotionUsage } from './promotion-schemas.ts';
import { shippingOptionSchema } from './shipping-schemas.ts';
import { destinationSchema, taxSettingsSchema } from './tax-schemas.ts';

/** The most lines one cart holds; the engine is measured at this size (bench/pricing.ts). */
export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 999;

const entityId = z.string().min(1).max(64);

/** One cart line as the catalog prices it now; the engine never looks a price up itself. */
export const pricingLineSchema = z.strictObject({
  variantId: entityId,
  productId: entityId,
  categoryIds: z.array(categoryId).max(20),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** The current unit price (sale included); null when the variant is not sold in the cart's currency. */
  unitPrice: minorUnits.nullable(),
  /** The unit price the shopper last saw; a different `unitPrice` flags the line `price_changed`. */
  previousUnitPrice: minorUnits.optional(),
  /** The price list `unitPrice` comes from, when one beat the catalog's price. */
  priceListId: entityId.optional(),
  taxClass,
  weightGrams: z.number().int().nonnegative().max(1_000_000),
  archived: z.boolean(),
  outOfStock: z.boolean(),
});
export type PricingLine = z.infer<typeof pricingLineSchema>;

/** Who is buying: decides customer conditions and per-customer limits. */
export const customerContextSchema = z.strictObject({
  signedIn: z.boolean(),
  /** True when the customer has no placed order yet. */
  firstOrder: z.boolean(),
  /** The customer groups the customer is in (absent or empty for a guest). */
  groupIds: z.array(entityId).max(100).optional(),
});
export type CustomerContext = z.infer<typeof customerContextSchema>;

/** Everything `priceCart` needs, already loaded; it reads nothing else (no clock, no I/O). */
export const pricingInputSchema = z.strictObject({
  currency: currencyCode,
  lines: z.array(pricingLineSchema).max(MAX_CART_LINES),
  destination: destinationSchema,
  shippingOption: shippingOptionSchema.nullable(),
  promotions: z.array(promotionSchema).max(100),
  codes: z.array(promotionCode).max(5),
  customer: customerContextSchema,
  usage: z.record(promotionId, promotionUsage),
  tax: taxSettingsSchema,
  now: z.iso.datetime(),
});
export type PricingInput = z.infer<typeof pricingInputSchema>;
