import type { CurrencyCode, PriceMap, ProductSummary, StoreProduct } from './schemas.ts';

/** What a channel lets a storefront see of prices: its currencies, or every one (`null`). */
export type ChannelCurrencies = readonly CurrencyCode[] | null;

const pick = <T>(map: Partial<Record<CurrencyCode, T>>, currencies: ChannelCurrencies) =>
  currencies === null
    ? map
    : (Object.fromEntries(
        Object.entries(map).filter(([c]) => currencies.includes(c as CurrencyCode)),
      ) as Partial<Record<CurrencyCode, T>>);

/** A price map narrowed to the channel's currencies. */
export const pricesIn = (prices: PriceMap, currencies: ChannelCurrencies): PriceMap =>
  pick(prices, currencies);

/** A listing summary with "from" prices only in the channel's currencies. */
export const summaryIn = (summary: ProductSummary, currencies: ChannelCurrencies): ProductSummary =>
  currencies === null ? summary : { ...summary, priceFrom: pricesIn(summary.priceFrom, currencies) };

/** A product page with base, sale and effective prices only in the channel's currencies. */
export const storeProductIn = (product: StoreProduct, currencies: ChannelCurrencies): StoreProduct =>
  currencies === null
    ? product
    : {
        ...product,
        priceFrom: pricesIn(product.priceFrom, currencies),
        variants: product.variants.map((v) => ({
          ...v,
          prices: pricesIn(v.prices, currencies),
          ...(v.salePrices
            ? { salePrices: v.salePrices.filter((s) => currencies.includes(s.currency)) }
            : {}),
          effectivePrices: pick(v.effectivePrices, currencies),
        })),
      };
