import { z } from 'zod';
import { expectedVersion } from '#contexts/catalog/domain/admin-inputs.ts';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import { lineText, multilineText } from '#platform/text/schema.ts';
import { MAX_SCOPE_IDS, priceListId, priceListPriceSchema, priceListSchema } from './price-list-schemas.ts';

/**
 * A price list as stored and answered by the admin API: the engine's shape plus version and times. Not
 * strict, so reading an item drops its keys and bookkeeping. Channel ids are read as any id: lists written
 * before channel ids had their format still load (such an id matches no channel, so the list prices
 * nothing there), where a refusal would fail every cart that loads the active lists.
 */
export const storedPriceListSchema = z.object({
  ...priceListSchema.shape,
  channelIds: z.array(z.string().min(1).max(64)).max(MAX_SCOPE_IDS),
  version: z.number().int().positive().max(1_000_000_000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoredPriceList = z.infer<typeof storedPriceListSchema>;

const scopes = priceListSchema.shape;
// Requests check the characters; the engine's shape does not, so stored lists still load in carts.
const name = lineText().trim().min(1).max(120);
const description = multilineText().max(1000);

/** `POST /admin/price-lists`: the id is the server's; scopes default to "everyone, every channel". */
export const createPriceListInput = priceListSchema.omit({ id: true }).extend({
  name,
  description: description.optional(),
  status: scopes.status.default('draft'),
  channelIds: scopes.channelIds.default([]),
  customerGroupIds: scopes.customerGroupIds.default([]),
});
export type CreatePriceListInput = z.infer<typeof createPriceListInput>;

const removable = <S extends z.ZodType>(schema: S) =>
  schema.nullable().optional().meta({ description: 'null removes the field' });

/** `PATCH /admin/price-lists/{priceListId}`: fields to change and the version they were read at. */
export const updatePriceListInput = z.strictObject({
  version: expectedVersion,
  name: name.optional(),
  description: removable(description),
  status: scopes.status.optional(),
  startsAt: removable(z.iso.datetime()),
  endsAt: removable(z.iso.datetime()),
  channelIds: scopes.channelIds.optional(),
  customerGroupIds: scopes.customerGroupIds.optional(),
});
export type UpdatePriceListInput = z.infer<typeof updatePriceListInput>;

export const priceListPath = z.strictObject({ priceListId });

/** `GET /admin/price-lists` and a list's prices: one page at a time. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const priceListPageSchema = z.object({
  items: z.array(storedPriceListSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type PriceListPage = z.infer<typeof priceListPageSchema>;

export const priceRowPageSchema = z.object({
  items: z.array(priceListPriceSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type PriceRowPage = z.infer<typeof priceRowPageSchema>;

/** The most rows one prices request may carry (upserts and removals together). */
export const MAX_PRICE_ROWS = 100;

const removeRow = z.strictObject({ variantId: priceListPriceSchema.shape.variantId, currency: currencyCode });

/** `POST /admin/price-lists/{priceListId}/prices`: prices to set and prices to remove. */
export const setPricesInput = z
  .strictObject({
    upsert: z.array(priceListPriceSchema).max(MAX_PRICE_ROWS).default([]),
    remove: z.array(removeRow).max(MAX_PRICE_ROWS).default([]),
  })
  .refine((b) => b.upsert.length + b.remove.length <= MAX_PRICE_ROWS, {
    message: `At most ${MAX_PRICE_ROWS} rows (upsert and remove together)`,
  })
  .refine((b) => b.upsert.length + b.remove.length > 0, { message: 'Nothing to change' });
export type SetPricesInput = z.infer<typeof setPricesInput>;

/** What happened to one row: `ok`, or why it was skipped (the other rows still apply). */
export const priceRowStatus = z.enum(['ok', 'variant_not_found', 'duplicate_row', 'not_found']);
export type PriceRowStatus = z.infer<typeof priceRowStatus>;

export const priceRowResult = z.object({
  op: z.enum(['upsert', 'remove']),
  variantId: z.string().max(64),
  currency: currencyCode,
  status: priceRowStatus,
});
export type PriceRowResult = z.infer<typeof priceRowResult>;

/** The per-row report of a prices request, in request order (upserts first, then removals). */
export const setPricesReportSchema = z.object({
  results: z.array(priceRowResult).max(MAX_PRICE_ROWS),
  applied: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type SetPricesReport = z.infer<typeof setPricesReportSchema>;
