import { z } from 'zod';
import { priceMap, productStatus } from './domain/schemas.ts';

/** The bus source of every catalog event. */
export const CATALOG_SOURCE = 'commerce.catalog' as const;

const productId = z.string().max(64);
const version = z.number().int().positive();

/** `ProductCreated`: a product exists (always a draft at first). */
export const productCreatedData = z.object({
  productId,
  slug: z.string().max(120),
  title: z.string().max(200),
  status: productStatus,
  version,
});

/** `ProductUpdated`: fields of a product or its variants changed; `changes` names them. */
export const productUpdatedData = z.object({
  productId,
  status: productStatus,
  version,
  changes: z.array(z.string().max(64)).max(50),
});

/** `ProductArchived`: the product left the store (listings drop it). */
export const productArchivedData = z.object({ productId, version });

/** `ProductDeleted`: the product and its variants are gone (only drafts and archived products). */
export const productDeletedData = z.object({ productId, version });

/** `PriceChanged`: a variant's base or sale prices changed; base prices before and after. */
export const priceChangedData = z.object({
  productId,
  variantId: z.string().max(64),
  sku: z.string().max(64),
  version,
  before: priceMap,
  after: priceMap,
  salePricesChanged: z.boolean(),
});

/**
 * Every catalog event with its `data` schema, for the events catalog (docs/events.md is generated
 * from this list) and for consumers that parse what they receive.
 */
export const catalogEvents = [
  { source: CATALOG_SOURCE, detailType: 'ProductCreated', schema: productCreatedData },
  { source: CATALOG_SOURCE, detailType: 'ProductUpdated', schema: productUpdatedData },
  { source: CATALOG_SOURCE, detailType: 'ProductArchived', schema: productArchivedData },
  { source: CATALOG_SOURCE, detailType: 'ProductDeleted', schema: productDeletedData },
  { source: CATALOG_SOURCE, detailType: 'PriceChanged', schema: priceChangedData },
] as const;

/** The detail-types of catalog events that concern one product (they all carry `productId`). */
export const productEventTypes = catalogEvents.map((e) => e.detailType);

/** An event a catalog change will put in the outbox. */
export type CatalogEventDraft =
  | { readonly detailType: 'ProductCreated'; readonly data: z.infer<typeof productCreatedData> }
  | { readonly detailType: 'ProductUpdated'; readonly data: z.infer<typeof productUpdatedData> }
  | { readonly detailType: 'ProductArchived'; readonly data: z.infer<typeof productArchivedData> }
  | { readonly detailType: 'ProductDeleted'; readonly data: z.infer<typeof productDeletedData> }
  | { readonly detailType: 'PriceChanged'; readonly data: z.infer<typeof priceChangedData> };
