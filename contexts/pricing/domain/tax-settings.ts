import { z } from 'zod';
import { destinationSchema, type TaxRegion, type TaxSettings, taxSettingsSchema } from './tax-schemas.ts';

/**
 * The store's tax settings: the engine's settings plus `defaultDestination` (whose tax a cart shows
 * before the shopper gives an address: the store's home country), a `version` (0 = the built-in
 * default, never saved) and when they were last saved (null for the default).
 */
export const storeTaxSettingsSchema = taxSettingsSchema.extend({
  defaultDestination: destinationSchema,
  version: z.number().int().min(0),
  updatedAt: z.iso.datetime().nullable(),
});
export type StoreTaxSettings = z.infer<typeof storeTaxSettingsSchema>;

/** Each region (country, or country + state) at most once: two rows would make the lookup ambiguous. */
const uniqueRegions = (settings: { regions: readonly TaxRegion[] }, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  settings.regions.forEach((r, i) => {
    const key = r.state === undefined ? r.country : `${r.country}-${r.state}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: ['regions', i], message: `${key} has more than one row` });
    seen.add(key);
  });
};

/** `PUT /admin/tax-settings`: the whole settings and the `version` they replace (0 for the default). */
export const putTaxSettingsInput = taxSettingsSchema
  .extend({
    defaultDestination: destinationSchema,
    version: z.number().int().min(0).max(1_000_000_000),
  })
  .superRefine(uniqueRegions);
export type PutTaxSettingsInput = z.infer<typeof putTaxSettingsInput>;

const pct = (percent: number) => Math.round(percent * 10_000);
const vat = (country: string, standard: number, reduced: number): TaxRegion => ({
  country,
  rates: { standard: pct(standard), reduced: pct(reduced), zero: 0 },
});
/** US sales tax: the state's base rate (no county or city add-ons); groceries and the like exempt. */
const salesTax = (state: string, rate: number): TaxRegion => ({
  country: 'US',
  state,
  rates: { standard: pct(rate), reduced: 0, zero: 0 },
});

/**
 * The built-in settings until an admin saves others: EU VAT (standard / one reduced / zero) for the demo
 * markets, UK VAT, and a few US state sales taxes over a US row of 0 (states without a row collect
 * nothing). EUR and GBP prices include tax, USD prices do not. Rates are parts per million.
 */
export const DEFAULT_TAX_SETTINGS: StoreTaxSettings = {
  regions: [
    vat('DE', 19, 7),
    vat('FR', 20, 5.5),
    vat('NL', 21, 9),
    vat('AT', 20, 10),
    vat('IT', 22, 10),
    vat('ES', 21, 10),
    vat('BE', 21, 6),
    vat('IE', 23, 13.5),
    vat('GB', 20, 5),
    { country: 'US', rates: { standard: 0, reduced: 0, zero: 0 } },
    salesTax('CA', 7.25),
    salesTax('NY', 4),
    salesTax('TX', 6.25),
  ],
  pricesIncludeTax: { EUR: true, GBP: true, USD: false },
  shippingTaxClass: 'standard',
  defaultDestination: { country: 'DE' },
  version: 0,
  updatedAt: null,
};

/** The settings an item holds, or the built-in default when none was saved. */
export const taxSettingsFromItem = (item: Record<string, unknown> | undefined): StoreTaxSettings =>
  item
    ? {
        regions: item.regions as TaxRegion[],
        pricesIncludeTax: item.pricesIncludeTax as StoreTaxSettings['pricesIncludeTax'],
        shippingTaxClass: item.shippingTaxClass as StoreTaxSettings['shippingTaxClass'],
        defaultDestination: item.defaultDestination as StoreTaxSettings['defaultDestination'],
        version: item.version as number,
        updatedAt: item.updatedAt as string,
      }
    : DEFAULT_TAX_SETTINGS;

/** The settings as the pricing engine's strict schema takes them. */
export const engineTaxSettings = (settings: StoreTaxSettings): TaxSettings => ({
  regions: settings.regions,
  pricesIncludeTax: settings.pricesIncludeTax,
  shippingTaxClass: settings.shippingTaxClass,
});
