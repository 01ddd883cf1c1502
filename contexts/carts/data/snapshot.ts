import { productKeys } from '#contexts/catalog/data/keys.ts';
import { variantSchema } from '#contexts/catalog/domain/schemas.ts';
import { groupIdsOf } from '#contexts/customers/data/group-items.ts';
import { customerKeys } from '#contexts/customers/data/keys.ts';
import { stockKeys } from '#contexts/inventory/data/keys.ts';
import { channelAvailable } from '#contexts/inventory/domain/availability.ts';
import {
  promotionKeys,
  settingsKeys,
  shippingOptionKeys,
  variantPriceKeys,
} from '#contexts/pricing/data/keys.ts';
import { offersFromItem } from '#contexts/pricing/data/price-list-items.ts';
import { promotionFromItem, usageFromItems } from '#contexts/pricing/data/promotion-items.ts';
import { engineShippingOption, shippingOptionFromItem } from '#contexts/pricing/data/shipping-items.ts';
import type { PriceList } from '#contexts/pricing/domain/price-list-schemas.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import { taxSettingsFromItem } from '#contexts/pricing/domain/tax-settings.ts';
import { batchGet, keyOf } from '#platform/data/batch-get.ts';
import type { CatalogVariant, PricingSnapshot } from '../domain/pricing-snapshot.ts';
import type { CartRecord } from '../domain/schemas.ts';

type Item = Record<string, unknown>;

/** What the snapshot is read for: the cart, who is asking, and what the first round trip found. */
export interface SnapshotRequest {
  readonly cart: CartRecord;
  readonly customerId: string | undefined;
  readonly automatic: readonly Promotion[];
  readonly priceLists: readonly PriceList[];
  /** Variants already read (a line being added): not read again. */
  readonly known?: readonly CatalogVariant[];
  /** The channel's stock locations: availability counts only these (absent: every location). */
  readonly locationIds?: readonly string[];
}

/** The variant a variant item holds (the product copy included), or undefined for another item. */
export const catalogVariantFromItem = (item: Item | undefined): CatalogVariant | undefined => {
  if (!item?.product || typeof item.productId !== 'string') return undefined;
  return {
    ...variantSchema.parse(item),
    productId: item.productId,
    product: item.product as CatalogVariant['product'],
  };
};

/**
 * The units a stock summary shows a channel: the total, or the sum over the channel's locations. A
 * summary written before per-location figures shows its total until its next write adds them.
 */
export const availableIn = (
  summary: Item | undefined,
  locationIds: readonly string[] | undefined,
): number | undefined => {
  if (typeof summary?.lastAvailable !== 'number') return undefined;
  const byLocation = summary.byLocation as Record<string, number> | undefined;
  if (!locationIds || !byLocation) return summary.lastAvailable;
  // The same sum `AvailabilityChanged` publishes for the channel.
  return channelAvailable({ stockLocationIds: locationIds }, byLocation);
};

/**
 * Reads, in one BatchGetItem round trip (chunks of 100 keys in parallel), every item a cart's price
 * depends on: its variants, their stock summaries and price-list prices, its coded promotions, every
 * candidate promotion's usage counters, its shipping option, the tax settings and the customer's profile
 * (for "first order" and customer groups).
 */
export const loadSnapshot = async (table: string, req: SnapshotRequest): Promise<PricingSnapshot> => {
  const { cart, customerId } = req;
  const known = new Map((req.known ?? []).map((v) => [v.id, v]));
  const codedIds = cart.codes.map((c) => c.promotionId);
  const candidateIds = [...new Set([...req.automatic.map((p) => p.id), ...codedIds])];
  const keys = [
    ...cart.lines
      .filter((l) => !known.has(l.variantId))
      .map((l) => productKeys.variant(l.productId, l.variantId)),
    ...cart.lines.map((l) => stockKeys.alerts(l.variantId)),
    // The variant's prices in every price list: one more key per line in the same BatchGetItem.
    ...cart.lines.map((l) => variantPriceKeys.offers(l.variantId)),
    ...codedIds.map((id) => promotionKeys.promotion(id)),
    ...candidateIds.map((id) => promotionKeys.usage(id)),
    ...(customerId ? candidateIds.map((id) => promotionKeys.customerUsage(id, customerId)) : []),
    ...(cart.shippingOptionId ? [shippingOptionKeys.option(cart.shippingOptionId)] : []),
    settingsKeys.tax,
    ...(customerId ? [customerKeys.profile(customerId)] : []),
  ];
  const found = await batchGet(table, keys);
  const at = (key: { pk: string; sk: string }) => found.get(keyOf(key));

  const variants = new Map(known);
  const available = new Map<string, number>();
  const offers = new Map(
    cart.lines.map((l) => [l.variantId, offersFromItem(at(variantPriceKeys.offers(l.variantId)))]),
  );
  for (const line of cart.lines) {
    const variant = catalogVariantFromItem(at(productKeys.variant(line.productId, line.variantId)));
    if (variant) variants.set(line.variantId, variant);
    const units = availableIn(at(stockKeys.alerts(line.variantId)), req.locationIds);
    if (units !== undefined) available.set(line.variantId, units);
  }
  const coded = codedIds.flatMap((id) => {
    const item = at(promotionKeys.promotion(id));
    return item ? [promotionFromItem(item)] : [];
  });
  const usage = Object.fromEntries(
    candidateIds.map((id) => [
      id,
      usageFromItems(
        at(promotionKeys.usage(id)),
        customerId ? at(promotionKeys.customerUsage(id, customerId)) : undefined,
      ),
    ]),
  );
  const option = cart.shippingOptionId ? at(shippingOptionKeys.option(cart.shippingOptionId)) : undefined;
  const profile = customerId ? at(customerKeys.profile(customerId)) : undefined;
  return {
    variants,
    available,
    promotions: [...req.automatic, ...coded.filter((p) => !req.automatic.some((a) => a.id === p.id))],
    usage,
    shippingOption: option ? engineShippingOption(shippingOptionFromItem(option)) : null,
    tax: taxSettingsFromItem(at(settingsKeys.tax)),
    // No profile yet means no order yet; checkout counts orders on the profile.
    firstOrder: customerId !== undefined && ((profile?.orderCount as number | undefined) ?? 0) === 0,
    priceLists: req.priceLists,
    offers,
    // Group membership is copied onto the profile, so a cart reprices on the first read after a change.
    customerGroupIds: profile ? groupIdsOf(profile) : [],
  };
};
