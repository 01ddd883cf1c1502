import { z } from 'zod';
import { promotionCode, promotionId } from './domain/promotion-schemas.ts';

/** The bus source of every promotion event. */
export const PROMOTIONS_SOURCE = 'commerce.promotions' as const;

/** `PromotionUsageExhausted`: a promotion's redemptions reached its usage limit; once per crossing. */
export const promotionUsageExhaustedData = z.object({
  promotionId,
  code: promotionCode.optional(),
  usageLimit: z.number().int().positive().max(1_000_000_000),
});
export type PromotionUsageExhaustedData = z.infer<typeof promotionUsageExhaustedData>;

/** Every promotion event with its `data` schema (for the events catalog and for consumers). */
export const promotionEvents = [
  {
    source: PROMOTIONS_SOURCE,
    detailType: 'PromotionUsageExhausted',
    schema: promotionUsageExhaustedData,
    description:
      'A promotion’s redemptions reached its usage limit (emitted once; again only after a release took ' +
      'it below the limit and it was reached anew).',
  },
] as const;
