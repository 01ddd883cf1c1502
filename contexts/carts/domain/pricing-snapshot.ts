import type { Product, Variant } from '#contexts/catalog/domain/schemas.ts';
import type { PriceList, PriceOffer } from '#contexts/pricing/domain/price-list-schemas.ts';
import type { Promotion, PromotionUsage } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import type { StoreTaxSettings } from '#contexts/pricing/domain/tax-settings.ts';

/**
 * A variant as a cart prices it: the variant with the product fields the catalog copies onto each
 * variant item (`variantItem`), so a cart line is priced from one item.
 */
export interface CatalogVariant extends Variant {
  readonly productId: string;
  readonly product: Pick<Product, 'title' | 'slug' | 'status' | 'categoryIds' | 'taxClass'> &
    Partial<Pick<Product, 'channelIds'>>;
}

/** What applies to every cart, read beside the cart in its first round trip. */
export interface StoreWide {
  /** The automatic promotions running now. */
  readonly automatic: readonly Promotion[];
  /** The active price lists (window and scopes are the engine's to judge). */
  readonly priceLists: readonly PriceList[];
}

/** Everything besides the cart that pricing it needs, read in one round trip (`loadSnapshot`). */
export interface PricingSnapshot {
  readonly variants: ReadonlyMap<string, CatalogVariant>;
  /** Available units per variant (the channel's locations); a variant whose stock is not tracked is absent. */
  readonly available: ReadonlyMap<string, number>;
  /** The automatic promotions running plus the promotions of the cart's codes that still exist. */
  readonly promotions: readonly Promotion[];
  readonly usage: Readonly<Record<string, PromotionUsage>>;
  readonly shippingOption: ShippingOption | null;
  readonly tax: StoreTaxSettings;
  /** True when the customer has placed no order yet (always false for a guest: unknown). */
  readonly firstOrder: boolean;
  /** The active price lists, and each line's variant's prices in any list. */
  readonly priceLists: readonly PriceList[];
  readonly offers: ReadonlyMap<string, readonly PriceOffer[]>;
  /** The customer's groups, from their profile (none for a guest). */
  readonly customerGroupIds: readonly string[];
}
