import type { CurrencyCode, PriceMap, Product, StoreProduct, Variant } from './schemas.ts';

/** What a variant costs in one currency at one moment: the base price, or a running sale's. */
export interface EffectivePrice {
  readonly currency: CurrencyCode;
  readonly amount: number;
  /** The base price when a sale is running (shown struck through), else absent. */
  readonly compareAt?: number;
  /** The price list the sale comes from. */
  readonly priceList?: string;
}

/** The product page the store shows at `now`: every variant with its effective price per currency. */
export const withEffectivePrices = ({ channelIds: _, ...product }: Product, now: Date): StoreProduct => ({
  ...product,
  variants: product.variants.map((v) => ({
    ...v,
    effectivePrices: Object.fromEntries(
      (Object.keys(v.prices) as CurrencyCode[]).map((c) => [c, effectivePrice(v, c, now)]),
    ),
  })),
});

/**
 * The price of a variant in a currency at `now`: the lowest sale price whose window holds `now`
 * (`startsAt` inclusive, `endsAt` exclusive) if it is below the base price, else the base price.
 * Undefined when the variant has no base price in that currency (it is not sold there).
 */
export const effectivePrice = (
  variant: Pick<Variant, 'prices' | 'salePrices'>,
  currency: CurrencyCode,
  now: Date,
): EffectivePrice | undefined => {
  const base = variant.prices[currency];
  if (base === undefined) return undefined;
  const t = now.getTime();
  const running = (variant.salePrices ?? [])
    .filter((s) => s.currency === currency && Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt))
    .sort((a, b) => a.amount - b.amount)[0];
  if (!running || running.amount >= base) return { currency, amount: base };
  return { currency, amount: running.amount, compareAt: base, priceList: running.priceList };
};

/** The cheapest base price per currency over the variants: what a listing shows as "from". */
export const priceFrom = (variants: readonly Pick<Variant, 'prices'>[]): PriceMap => {
  const from: PriceMap = {};
  for (const v of variants) {
    for (const [currency, amount] of Object.entries(v.prices) as [CurrencyCode, number][]) {
      const current = from[currency];
      if (current === undefined || amount < current) from[currency] = amount;
    }
  }
  return from;
};
