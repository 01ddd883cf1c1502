import { z } from 'zod';
import { currencyCode, taxClass } from '#contexts/catalog/domain/schemas.ts';

export type TaxClass = z.infer<typeof taxClass>;

/** A tax rate in parts per million: 190 000 = 19 %, 88 750 = 8.875 % (US rates need the precision). */
export const ratePpm = z.number().int().min(0).max(1_000_000);

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code');
/** A subdivision code (ISO 3166-2 suffix: "CA", "NY", "QC"). */
export const stateCode = z.string().regex(/^[A-Z0-9]{1,3}$/, 'Expected 1 to 3 upper-case characters');

/** Where the goods go: decides the tax region and the shipping options. */
export const destinationSchema = z.strictObject({ country: countryCode, state: stateCode.optional() });
export type Destination = z.infer<typeof destinationSchema>;

/** One row of the built-in rate table: a country, or one state of it, with a rate per tax class. */
export const taxRegionSchema = z.strictObject({
  country: countryCode,
  state: stateCode.optional(),
  rates: z.strictObject({ standard: ratePpm, reduced: ratePpm, zero: ratePpm }),
});
export type TaxRegion = z.infer<typeof taxRegionSchema>;

/** How the store taxes: the rate table, which currencies' prices include tax, and shipping's class. */
export const taxSettingsSchema = z.strictObject({
  regions: z.array(taxRegionSchema).max(500),
  /** Per currency: true when stored prices (and shipping rates) already include tax. Absent = false. */
  pricesIncludeTax: z.partialRecord(currencyCode, z.boolean()),
  shippingTaxClass: taxClass,
});
export type TaxSettings = z.infer<typeof taxSettingsSchema>;
