import { effectivePrice } from '#contexts/catalog/domain/pricing.ts';
import type { CurrencyCode, Product, Variant } from '#contexts/catalog/domain/schemas.ts';
import type { PricingLine } from './cart-schemas.ts';
import type { PriceOffer } from './price-list-schemas.ts';
import { chooseUnitPrice } from './price-lists.ts';

/** A cart line's stored part: what the shopper chose and the unit price they last saw. */
export interface CartLineRef {
  readonly variantId: string;
  readonly quantity: number;
  readonly previousUnitPrice?: number;
}

/** The variant's price-list offers and which lists apply to this cart (none by default). */
export interface LineOffers {
  readonly offers: readonly PriceOffer[];
  readonly applicable: ReadonlySet<string>;
}

const NO_OFFERS: LineOffers = { offers: [], applicable: new Set() };

/**
 * Builds the engine's line from the catalog as it is now: the unit price is the lowest of the catalog's
 * `effectivePrice` (a running sale included) and the variant's prices in the price lists that apply, in
 * the cart's currency; null when the variant is not sold in it, no longer exists or belongs to a draft;
 * archived products are flagged. Stock is the caller's (inventory) answer.
 */
export const lineFromCatalog = (
  ref: CartLineRef,
  product: Pick<Product, 'id' | 'status' | 'categoryIds' | 'taxClass'> & {
    variants: readonly Pick<Variant, 'id' | 'prices' | 'salePrices' | 'weightGrams'>[];
  },
  currency: CurrencyCode,
  now: Date,
  outOfStock: boolean,
  lists: LineOffers = NO_OFFERS,
): PricingLine => {
  const variant = product.variants.find((v) => v.id === ref.variantId);
  // A draft was never for sale: it prices like a variant that no longer exists (flagged `unavailable`).
  const catalog = variant && product.status !== 'draft' ? effectivePrice(variant, currency, now) : undefined;
  const price = chooseUnitPrice(catalog?.amount, currency, lists.offers, lists.applicable);
  return {
    variantId: ref.variantId,
    productId: product.id,
    categoryIds: product.categoryIds,
    quantity: ref.quantity,
    unitPrice: price?.amount ?? null,
    ...(ref.previousUnitPrice === undefined ? {} : { previousUnitPrice: ref.previousUnitPrice }),
    ...(price?.priceListId === undefined ? {} : { priceListId: price.priceListId }),
    taxClass: product.taxClass ?? 'standard',
    weightGrams: variant?.weightGrams ?? 0,
    archived: product.status === 'archived',
    outOfStock,
  };
};
