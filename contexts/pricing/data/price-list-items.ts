import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import { type StoredPriceList, storedPriceListSchema } from '../domain/price-list-inputs.ts';
import type { PriceList, PriceListPrice, PriceOffer } from '../domain/price-list-schemas.ts';
import { Entity, priceListKeys, variantPriceKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** The item of a price list: only an active one is in the carts' index (gsi2). */
export const priceListItem = (list: StoredPriceList, requestHash?: string): Item => ({
  ...priceListKeys.priceList(list.id),
  ...priceListKeys.list(list.createdAt, list.id),
  ...(list.status === 'active' ? priceListKeys.active(list.id) : {}),
  entity: Entity.priceList,
  ...list,
  ...(requestHash === undefined ? {} : { requestHash }),
});

/** The admin's view of a price list item (keys and bookkeeping stripped). */
export const storedPriceListFromItem = (item: Item): StoredPriceList => storedPriceListSchema.parse(item);

/** The engine's view of a price list item. */
export const priceListFromItem = (item: Item): PriceList => {
  const { version: _v, createdAt: _c, updatedAt: _u, ...list } = storedPriceListFromItem(item);
  return list;
};

/** The row item of one price in a list. */
export const priceRowItem = (priceListId: string, price: PriceListPrice): Item => ({
  ...priceListKeys.row(priceListId, price.variantId, price.currency),
  entity: Entity.priceListPrice,
  priceListId,
  ...price,
});

/** A row item as the admin sees it. */
export const priceFromRowItem = (item: Item): PriceListPrice => ({
  variantId: item.variantId as string,
  currency: currencyCode.parse(item.currency),
  amount: item.amount as number,
});

/** Every price-list price of a variant, from its `VARIANT_PRICES` item (none when absent). */
export const offersFromItem = (item: Item | undefined): PriceOffer[] => {
  if (!item) return [];
  const offers: PriceOffer[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(variantPriceKeys.attributePrefix) || typeof value !== 'number') continue;
    const [, priceListId, currency] = name.split('#');
    const parsed = currencyCode.safeParse(currency);
    if (priceListId && parsed.success) offers.push({ priceListId, currency: parsed.data, amount: value });
  }
  return offers;
};
