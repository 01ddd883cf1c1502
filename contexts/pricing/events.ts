import { z } from 'zod';
import { priceListSchema } from './domain/price-list-schemas.ts';
import { promotionCode, promotionId } from './domain/promotion-schemas.ts';

/** The bus source of every promotion event. */
export const PROMOTIONS_SOURCE = 'commerce.promotions' as const;

/** The bus source of every price list event. */
export const PRICING_SOURCE = 'commerce.pricing' as const;

/** `PriceListCreated` / `PriceListUpdated`: the list as it is now (its prices are not carried). */
export const priceListChangedData = priceListSchema.extend({ version: z.number().int().positive() });
export type PriceListChangedData = z.infer<typeof priceListChangedData>;

/**
 * `PriceListCreated` / `PriceListUpdated`'s `detail.schemaVersion`: 2 since channel ids have the channels
 * context's format (lower-case words joined by hyphens, at most 40 characters).
 */
export const PRICE_LIST_CHANGED_VERSION = 2;

/** `PriceListDeleted`: the list no longer prices anything. */
export const priceListDeletedData = z.object({ id: priceListSchema.shape.id });

/** `PromotionUsageExhausted`: a promotion's redemptions reached its usage limit; once per crossing. */
export const promotionUsageExhaustedData = z.object({
  promotionId,
  code: promotionCode.optional(),
  usageLimit: z.number().int().positive().max(1_000_000_000),
});
export type PromotionUsageExhaustedData = z.infer<typeof promotionUsageExhaustedData>;

/** Every pricing event (promotions and price lists) with its `data` schema (for the events catalog and for consumers). */
export const pricingEvents = [
  {
    source: PROMOTIONS_SOURCE,
    detailType: 'PromotionUsageExhausted',
    schema: promotionUsageExhaustedData,
    description:
      'A promotion’s redemptions reached its usage limit (emitted once; again only after a release took ' +
      'it below the limit and it was reached anew).',
  },
  {
    source: PRICING_SOURCE,
    detailType: 'PriceListCreated',
    schemaVersion: PRICE_LIST_CHANGED_VERSION,
    schema: priceListChangedData,
    description: 'A price list was created (draft or active; its prices follow separately).',
  },
  {
    source: PRICING_SOURCE,
    detailType: 'PriceListUpdated',
    schemaVersion: PRICE_LIST_CHANGED_VERSION,
    schema: priceListChangedData,
    description: 'A price list’s name, status, window or scopes changed (not its prices).',
  },
  {
    source: PRICING_SOURCE,
    detailType: 'PriceListDeleted',
    schema: priceListDeletedData,
    description: 'A price list and its prices were deleted.',
  },
] as const;
