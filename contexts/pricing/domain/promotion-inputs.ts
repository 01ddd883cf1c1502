import { z } from 'zod';
import { expectedVersion } from '#contexts/catalog/domain/admin-inputs.ts';
import { lineText } from '#platform/text/schema.ts';
import { promotionCode, promotionId, promotionSchema } from './promotion-schemas.ts';

const [percentage, fixedAmount, freeShipping, buyXGetY] = promotionSchema.options;

/** What the store adds to a promotion it keeps: optimistic-concurrency version and timestamps. */
const storedFields = {
  version: z.number().int().positive().max(1_000_000_000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** A promotion as stored and answered by the admin API: the engine's shape plus version and times. */
export const storedPromotionSchema = z.discriminatedUnion('type', [
  percentage.extend(storedFields),
  fixedAmount.extend(storedFields),
  freeShipping.extend(storedFields),
  buyXGetY.extend(storedFields),
]);
export type StoredPromotion = z.infer<typeof storedPromotionSchema>;

// Requests check the name's characters; the engine's shape does not, so stored promotions still load.
const name = lineText().min(1).max(120);

/** `POST /admin/promotions`: a promotion of any type; the id is the server's. */
export const createPromotionInput = z.discriminatedUnion('type', [
  percentage.omit({ id: true }).extend({ name }),
  fixedAmount.omit({ id: true }).extend({ name }),
  freeShipping.omit({ id: true }).extend({ name }),
  buyXGetY.omit({ id: true }).extend({ name }),
]);
export type CreatePromotionInput = z.infer<typeof createPromotionInput>;

const removable = <S extends z.ZodType>(schema: S) =>
  schema.nullable().optional().meta({ description: 'null removes the field' });
const shape = buyXGetY.shape;

/**
 * `PATCH /admin/promotions/{promotionId}`: fields to change (null removes an optional one) and the
 * version they were read at. `type` and `code` may be sent only unchanged (they identify the promotion
 * to carts and shoppers); the merged promotion is validated as a whole, so a field of another type is
 * a 400.
 */
export const updatePromotionInput = z.strictObject({
  version: expectedVersion,
  type: z.string().max(40).optional(),
  code: promotionCode.nullable().optional(),
  name: name.optional(),
  combinable: shape.combinable.optional(),
  startsAt: removable(z.iso.datetime()),
  endsAt: removable(z.iso.datetime()),
  usageLimit: removable(z.number().int().positive().max(1_000_000_000)),
  perCustomerLimit: removable(z.number().int().positive().max(1_000)),
  conditions: removable(shape.conditions.unwrap()),
  percentBps: percentage.shape.percentBps.optional(),
  amounts: fixedAmount.shape.amounts.optional(),
  buyQuantity: shape.buyQuantity.optional(),
  getQuantity: shape.getQuantity.optional(),
  getPercentBps: shape.getPercentBps.optional(),
  maxApplications: removable(z.number().int().min(1).max(1_000)),
});
export type UpdatePromotionInput = z.infer<typeof updatePromotionInput>;

/** Path of the single-promotion routes. */
export const promotionPath = z.strictObject({ promotionId });

/** `GET /admin/promotions`: one page, newest first. */
export const promotionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** One page of the admin list. */
export const promotionPageSchema = z.object({
  items: z.array(storedPromotionSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type PromotionPage = z.infer<typeof promotionPageSchema>;

/** `GET /admin/promotions/{promotionId}`: the promotion and how often it has been redeemed. */
export const promotionWithUsageSchema = z.intersection(
  storedPromotionSchema,
  z.object({ usage: z.object({ total: z.number().int().nonnegative() }) }),
);
