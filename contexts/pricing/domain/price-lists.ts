import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { PriceList, PriceOffer } from './price-list-schemas.ts';

/** Who is buying where and when: decides which price lists apply. A guest has no groups. */
export interface PriceScope {
  readonly nowMs: number;
  readonly channelId: string;
  readonly customerGroupIds: readonly string[];
}

/** Whether a price list applies: active, its window holds now, and both scopes match (empty = all). */
export const priceListApplies = (list: PriceList, scope: PriceScope): boolean =>
  list.status === 'active' &&
  (list.startsAt === undefined || Date.parse(list.startsAt) <= scope.nowMs) &&
  (list.endsAt === undefined || scope.nowMs < Date.parse(list.endsAt)) &&
  (list.channelIds.length === 0 || list.channelIds.includes(scope.channelId)) &&
  (list.customerGroupIds.length === 0 ||
    list.customerGroupIds.some((g) => scope.customerGroupIds.includes(g)));

/** The ids of the lists that apply in this scope (the cart judges them once, not per line). */
export const applicablePriceLists = (lists: readonly PriceList[], scope: PriceScope): ReadonlySet<string> =>
  new Set(lists.filter((l) => priceListApplies(l, scope)).map((l) => l.id));

/** A line's unit price and, when a price list beat the catalog, which one. */
export interface ChosenPrice {
  readonly amount: number;
  readonly priceListId?: string;
}

/**
 * The lowest price among the catalog's (base, or a running sale: `catalogAmount`) and the variant's
 * offers in lists that apply, in the currency. Undefined when the catalog does not sell the variant in
 * the currency: a price list lowers a price, it never puts a variant on sale in a new currency. Ties go
 * to the catalog (nothing to attribute), then to the smaller list id, so the answer never depends on
 * the order the offers were read in.
 */
export const chooseUnitPrice = (
  catalogAmount: number | undefined,
  currency: CurrencyCode,
  offers: readonly PriceOffer[],
  applicable: ReadonlySet<string>,
): ChosenPrice | undefined => {
  if (catalogAmount === undefined) return undefined;
  let best: ChosenPrice = { amount: catalogAmount };
  for (const o of offers) {
    if (o.currency !== currency || !applicable.has(o.priceListId)) continue;
    const better =
      o.amount < best.amount ||
      (o.amount === best.amount && best.priceListId !== undefined && o.priceListId < best.priceListId);
    if (better) best = { amount: o.amount, priceListId: o.priceListId };
  }
  return best;
};
