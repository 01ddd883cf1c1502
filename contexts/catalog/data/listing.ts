import type { CurrencyCode, Product } from '../domain/schemas.ts';
import { productTokens } from '../domain/tokens.ts';
import { Entity, listingKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** `name=value` for every option value some variant has: what option filters match with `contains`. */
export const optionValuesOf = (product: Pick<Product, 'variants'>): string[] =>
  [
    ...new Set(product.variants.flatMap((v) => Object.entries(v.options).map(([n, val]) => `${n}=${val}`))),
  ].sort();

/** The listings a product appears in: all products, each of its categories, each of its search tokens. */
export const listingsOf = (product: Product): string[] => [
  listingKeys.name.all,
  ...product.categoryIds.map(listingKeys.name.category),
  ...productTokens(product.title, product.description).map(listingKeys.name.token),
];

/**
 * The listing entries of a product: one per listing and currency it has a price in, each carrying the
 * summary a listing shows plus what filters read (`price`, `optionValues`, `tokens`, `categoryIds`).
 * Only active products are listed.
 */
export const listingEntries = (product: Product): Item[] => {
  if (product.status !== 'active') return [];
  const { variants: _v, description: _d, attributes: _a, options: _o, taxClass: _t, ...summary } = product;
  const shared = {
    entity: Entity.productListing,
    ...summary,
    optionValues: optionValuesOf(product),
    // What a channel's listing filters on (docs/channels.md); the summary a page answers drops it.
    channelIds: product.channelIds ?? [],
    tokens: productTokens(product.title, product.description),
  };
  const currencies = Object.entries(product.priceFrom) as [CurrencyCode, number][];
  return currencies.flatMap(([currency, price]) =>
    listingsOf(product).map((listing) => ({
      ...listingKeys.entry(product.id, listing, currency),
      ...listingKeys.newest(listing, currency, product.createdAt, product.id),
      ...listingKeys.byPrice(listing, currency, price, product.id),
      ...shared,
      listing,
      currency,
      price,
    })),
  );
};
