import { z } from 'zod';
import { currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { channelId } from '#contexts/channels/domain/schemas.ts';
import { customerGroupId } from '#contexts/customers/domain/groups.ts';

export const priceListId = z.string().min(1).max(64);

/** The most channels or groups one price list (or promotion) may be scoped to. */
export const MAX_SCOPE_IDS = 50;

/**
 * A price list as the engine judges it: `draft` never applies; `startsAt` inclusive, `endsAt`
 * exclusive (like sale prices and promotions); empty `channelIds` = every channel, empty
 * `customerGroupIds` = everyone (guests included).
 */
export const priceListSchema = z.strictObject({
  id: priceListId,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).optional(),
  status: z.enum(['draft', 'active']),
  startsAt: z.iso.datetime().optional(),
  endsAt: z.iso.datetime().optional(),
  channelIds: z.array(channelId).max(MAX_SCOPE_IDS),
  customerGroupIds: z.array(customerGroupId).max(MAX_SCOPE_IDS),
});
export type PriceList = z.infer<typeof priceListSchema>;

/** One price of a price list: what one variant costs in one currency while the list applies. */
export const priceListPriceSchema = z.strictObject({
  variantId: z.string().min(1).max(64),
  currency: currencyCode,
  amount: minorUnits,
});
export type PriceListPrice = z.infer<typeof priceListPriceSchema>;

/** A variant's price in one list (the list named by id; the engine keeps only lists that apply). */
export interface PriceOffer {
  readonly priceListId: string;
  readonly currency: z.infer<typeof currencyCode>;
  readonly amount: number;
}
