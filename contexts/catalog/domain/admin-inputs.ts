import { z } from 'zod';
import { lineText, multilineText } from '#platform/text/schema.ts';
import {
  attributesMap,
  barcode,
  categoryId,
  priceMap,
  productChannelIds,
  productOption,
  productSlug,
  salePrice,
  skuText,
  taxClass,
} from './schemas.ts';

/**
 * Most variants a product may have. A product write is one TransactWriteItems (at most 100 items):
 * product + variants + slug and SKU uniqueness items + category counters + audit + events must fit.
 */
export const MAX_VARIANTS = 40;

/** The version the client read: writes apply only if it is still current (409 `version_conflict`). */
export const expectedVersion = z.number().int().positive().max(1_000_000_000);

/**
 * An option as an admin writes it: its values checked as text here, not in the stored shape (products
 * written before still read). The separator rule is a refinement, so the document keeps one pattern.
 */
const optionValueInput = lineText()
  .min(1)
  .max(80)
  .refine((v) => !/[,=]/.test(v), 'Must not contain "," or "="');
const productOptionInput = productOption.extend({ values: z.array(optionValueInput).min(1).max(30) });

const variantFields = {
  sku: skuText,
  title: lineText().trim().min(1).max(200),
  options: z.record(z.string().max(40), lineText().max(80)).default({}),
  prices: priceMap.default({}),
  weightGrams: z.number().int().nonnegative().max(1_000_000).optional(),
  barcode: barcode.optional(),
};

/** A variant as an admin writes it (the id is the server's). */
export const variantInput = z.strictObject(variantFields);
export type VariantInput = z.infer<typeof variantInput>;

const productFields = {
  slug: productSlug,
  title: lineText().trim().min(1).max(200),
  description: multilineText().max(10_000).default(''),
  categoryIds: z.array(categoryId).max(10).default([]),
  images: z
    .array(z.url({ protocol: /^https$/ }).max(2048))
    .max(20)
    .default([]),
  attributes: attributesMap.default({}),
  taxClass: taxClass.default('standard'),
  options: z.array(productOptionInput).max(5).default([]),
  /** The non-default channels that show it (docs/channels.md); the default channel shows every product. */
  channelIds: productChannelIds.default([]),
};

/** `POST /admin/products`: a new product (always a draft) with its options and variants. */
export const createProductInput = z.strictObject({
  ...productFields,
  variants: z.array(variantInput).max(MAX_VARIANTS).default([]),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

/**
 * One product of `POST /admin/products/import`: the create shape, or with `id` and `version` a full
 * replacement of that product (fields left out take their defaults; variants are matched by SKU).
 */
export const importProductInput = z
  .strictObject({
    id: z.string().min(1).max(64).optional(),
    version: expectedVersion.optional(),
    ...productFields,
    variants: z.array(variantInput).max(MAX_VARIANTS).default([]),
  })
  .refine((i) => (i.id === undefined) === (i.version === undefined), {
    message: 'id and version go together (both to update, neither to create)',
    path: ['version'],
  });
export type ImportProductInput = z.infer<typeof importProductInput>;

/** `PATCH /admin/products/{productId}`: the fields to change, and the version they were read at. */
export const updateProductInput = z.strictObject({
  version: expectedVersion,
  slug: productFields.slug.optional(),
  title: productFields.title.optional(),
  description: multilineText().max(10_000).optional(),
  categoryIds: z.array(categoryId).max(10).optional(),
  images: z
    .array(z.url({ protocol: /^https$/ }).max(2048))
    .max(20)
    .optional(),
  attributes: attributesMap.optional(),
  taxClass: taxClass.optional(),
  options: z.array(productOptionInput).max(5).optional(),
  channelIds: productChannelIds.optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductInput>;

/** `POST /admin/products/{productId}/variants`. */
export const addVariantInput = z.strictObject({ version: expectedVersion, ...variantFields });
export type AddVariantInput = z.infer<typeof addVariantInput>;

/** `PATCH /admin/products/{productId}/variants/{variantId}`: fields to change. */
export const updateVariantInput = z.strictObject({
  version: expectedVersion,
  sku: variantFields.sku.optional(),
  title: variantFields.title.optional(),
  options: z.record(z.string().max(40), lineText().max(80)).optional(),
  prices: priceMap.optional(),
  weightGrams: variantFields.weightGrams,
  barcode: variantFields.barcode,
});
export type UpdateVariantInput = z.infer<typeof updateVariantInput>;

/** `PUT /admin/products/{productId}/variants/{variantId}/sale-prices`: replaces the variant's sale prices. */
export const setSalePricesInput = z.strictObject({
  version: expectedVersion,
  salePrices: z.array(salePrice).max(20),
});
export type SetSalePricesInput = z.infer<typeof setSalePricesInput>;

/** Body of publish and archive: only the version. */
export const versionOnlyInput = z.strictObject({ version: expectedVersion });

/** Query of `DELETE` routes: the version travels as `?version=`, since a DELETE has no body. */
export const versionQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(1_000_000_000),
});
