import { z } from 'zod';
import { categoryId, currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { customerGroupId } from '#contexts/customers/domain/groups.ts';

/** A promotion code as shoppers type it; compared upper-case, so "summer10" finds "SUMMER10". */
export const promotionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 'Expected 3 to 32 letters, digits, "_" or "-"');

export const promotionId = z.string().min(1).max(64);
const entityId = z.string().min(1).max(64);
const count = z.number().int().nonnegative().max(1_000_000_000);
/** A share in basis points: 1 = 0.01 %, 10 000 = 100 %. */
export const basisPoints = z.number().int().min(1).max(10_000);
/** Amounts per currency; a currency that is absent is one the promotion does not run in. */
const amountsByCurrency = z.partialRecord(currencyCode, minorUnits);

/** When a promotion applies. Absent fields do not restrict; products and categories are OR-ed. */
export const promotionConditions = z.strictObject({
  /** Cart subtotal before discounts must reach this, per currency (absent currency: not offered). */
  minimumSubtotal: amountsByCurrency.optional(),
  productIds: z.array(entityId).min(1).max(100).optional(),
  categoryIds: z.array(categoryId).min(1).max(100).optional(),
  customer: z.enum(['anyone', 'signed_in', 'first_order']).optional(),
  /** Only customers in one of these groups (a guest is in none); others never learn it exists. */
  customerGroupIds: z.array(customerGroupId).min(1).max(50).optional(),
});
export type PromotionConditions = z.infer<typeof promotionConditions>;

const base = {
  id: promotionId,
  name: z.string().min(1).max(120),
  /** Absent: automatic (applies to every cart it fits). Present: applies once the shopper enters it. */
  code: promotionCode.optional(),
  /** Combinable promotions stack; a non-combinable one only ever applies alone. */
  combinable: z.boolean(),
  /** Inclusive. */
  startsAt: z.iso.datetime().optional(),
  /** Exclusive. */
  endsAt: z.iso.datetime().optional(),
  usageLimit: z.number().int().positive().max(1_000_000_000).optional(),
  perCustomerLimit: z.number().int().positive().max(1_000).optional(),
  conditions: promotionConditions.optional(),
};

/** Every promotion kind. Discounts apply to the lines the conditions target (all lines when none). */
export const promotionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('percentage'), percentBps: basisPoints }),
  z.strictObject({ ...base, type: z.literal('fixed_amount'), amounts: amountsByCurrency }),
  z.strictObject({ ...base, type: z.literal('free_shipping') }),
  z.strictObject({
    ...base,
    type: z.literal('buy_x_get_y'),
    buyQuantity: z.number().int().min(1).max(100),
    getQuantity: z.number().int().min(1).max(100),
    /** The discount on each "get" unit; 10 000 = free. */
    getPercentBps: basisPoints,
    maxApplications: z.number().int().min(1).max(1_000).optional(),
  }),
]);
export type Promotion = z.infer<typeof promotionSchema>;
export type PromotionType = Promotion['type'];

/** How often a promotion has been redeemed: overall and by the current customer (from the data layer). */
export const promotionUsage = z.strictObject({ total: count, customer: count });
export type PromotionUsage = z.infer<typeof promotionUsage>;

/** Why a promotion did not apply; stable codes the storefront can translate. */
export const rejectionReason = z.enum([
  'unknown_code',
  'not_started',
  'expired',
  'exhausted',
  'customer_limit_reached',
  'sign_in_required',
  'first_order_only',
  'currency_not_supported',
  'minimum_not_met',
  'no_matching_items',
  'not_combinable',
  'no_benefit',
]);
export type RejectionReason = z.infer<typeof rejectionReason>;
