import { z } from 'zod';
import { currencyCode } from '#platform/money/currencies.ts';
import { lineText } from '#platform/text/schema.ts';

export { type CurrencyCode, currencyCode } from '#platform/money/currencies.ts';

/** Money in integer minor units (cents): never a float, never negative. */
export const minorUnits = z.number().int().nonnegative().max(1_000_000_000_00);

/** Prices of one variant, per currency; an unknown currency key is rejected. */
export const priceMap = z.partialRecord(currencyCode, minorUnits);
export type PriceMap = z.infer<typeof priceMap>;

export const productStatus = z.enum(['draft', 'active', 'archived']);
export type ProductStatus = z.infer<typeof productStatus>;

/** URL-safe lower-case words joined by hyphens: slugs, category ids, price list names. */
export const slugText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected lower-case words joined by hyphens');

export const productSlug = slugText(120);
export const categoryId = slugText(64);

/** A stock keeping unit: upper case letters, digits, `.`, `_`, `-`; unique across the catalog. */
export const skuText = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, 'Expected upper-case letters, digits, ".", "_" or "-"');

/** A GTIN (EAN-8, UPC-A, EAN-13, GTIN-14): digits only. */
export const barcode = z.string().regex(/^\d{8,14}$/, 'Expected 8 to 14 digits');

export const taxClass = z.enum(['standard', 'reduced', 'zero']);

const optionName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*$/, 'Expected a lower-case name');
const optionValue = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[^,=]+$/, 'Must not contain "," or "="');

/** One option of a product (e.g. size) with the values its variants may take. */
export const productOption = z.strictObject({
  name: optionName,
  values: z.array(optionValue).min(1).max(30),
});
export type ProductOption = z.infer<typeof productOption>;

/** Free-form descriptive attributes (material, origin): at most 30 of them. */
export const attributesMap = z
  .record(optionName, lineText().max(200))
  .refine((a) => Object.keys(a).length <= 30, 'At most 30 attributes');

/** One sale price of a price list: applies to one currency between `startsAt` (incl.) and `endsAt` (excl.). */
export const salePrice = z
  .strictObject({
    priceList: slugText(64),
    currency: currencyCode,
    amount: minorUnits,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  })
  .refine((s) => Date.parse(s.startsAt) < Date.parse(s.endsAt), {
    message: 'startsAt must be before endsAt',
    path: ['endsAt'],
  });
export type SalePrice = z.infer<typeof salePrice>;

export const variantSchema = z.object({
  id: z.string().max(64),
  sku: z.string().min(1).max(64),
  title: z.string().max(200),
  options: z.record(z.string().max(40), z.string().max(80)),
  prices: priceMap,
  salePrices: z.array(salePrice).max(20).optional(),
  weightGrams: z.number().int().nonnegative().optional(),
  barcode: barcode.optional(),
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

/** Channel ids (see docs/channels.md): the non-default channels that show a product; every product is in the default one. */
export const productChannelIds = z.array(slugText(40)).max(20);

export const productSchema = productSummarySchema.extend({
  description: z.string().max(10_000),
  /** Stored products from before channels have none: they show in the default channel only. */
  channelIds: productChannelIds.default([]),
  taxClass: taxClass.optional(),
  attributes: z.record(z.string().max(40), z.string().max(200)).optional(),
  options: z.array(productOption).max(5).optional(),
  variants: z.array(variantSchema),
});
export type Product = z.infer<typeof productSchema>;

/** One page of a listing (`GET /products`): at most 100 items, `nextCursor` null on the last page. */
export const productPageSchema = z.object({
  items: z.array(productSummarySchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type ProductPage = z.infer<typeof productPageSchema>;

/** A variant's price at the time of the request: a running sale's, else the base price. */
export const effectivePriceSchema = z.object({
  currency: currencyCode,
  amount: minorUnits,
  compareAt: minorUnits.optional().meta({ description: 'The base price while a sale runs' }),
  priceList: z.string().max(64).optional(),
});

/**
 * The store's product page: each variant also carries its effective price per currency. Which channels
 * show the product is the back office's business, not a shopper's.
 */
export const storeProductSchema = productSchema.omit({ channelIds: true }).extend({
  variants: z.array(
    variantSchema.extend({ effectivePrices: z.partialRecord(currencyCode, effectivePriceSchema) }),
  ),
});
export type StoreProduct = z.infer<typeof storeProductSchema>;
