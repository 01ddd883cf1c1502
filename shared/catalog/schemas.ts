import { z } from 'zod';

/** ISO 4217 code; the currencies the store prices in. */
export const currencyCode = z.enum(['EUR', 'USD', 'GBP', 'JPY', 'KWD']);
export type CurrencyCode = z.infer<typeof currencyCode>;

/** Money in integer minor units (cents): never a float. */
export const minorUnits = z.number().int().nonnegative().max(1_000_000_000_00);

/** Prices of one variant, per currency. */
export const priceMap = z.partialRecord(currencyCode, minorUnits);

export const productStatus = z.enum(['draft', 'active', 'archived']);

export const variantSchema = z.object({
  id: z.string().max(64),
  sku: z.string().min(1).max(64),
  title: z.string().max(200),
  options: z.record(z.string().max(40), z.string().max(80)),
  prices: priceMap,
  weightGrams: z.number().int().nonnegative().optional(),
});
export type Variant = z.infer<typeof variantSchema>;

/** The fields every listing shows, kept on the product item so one query serves a page. */
export const productSummarySchema = z.object({
  id: z.string().max(64),
  slug: z.string().max(120),
  title: z.string().max(200),
  status: productStatus,
  categoryIds: z.array(z.string().max(64)).max(20),
  images: z.array(z.string().url().max(2048)).max(20),
  priceFrom: priceMap,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productSchema = productSummarySchema.extend({
  description: z.string().max(10_000),
  variants: z.array(variantSchema),
});
export type Product = z.infer<typeof productSchema>;
