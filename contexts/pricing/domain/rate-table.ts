import { mulDivHalfUp } from '#platform/money/rounding.ts';
import type { ItemTax, TaxableItem, TaxCalculator, TaxRequest, TaxResult } from './tax-port.ts';
import type { Destination, TaxRegion } from './tax-schemas.ts';

const PPM = 1_000_000;

/**
 * The region that taxes a destination: the row for its state if there is one, else the row for the
 * whole country, else none (the store collects no tax there, e.g. exports outside its tax union).
 */
export const findTaxRegion = (regions: readonly TaxRegion[], to: Destination): TaxRegion | undefined => {
  let countryWide: TaxRegion | undefined;
  for (const r of regions) {
    if (r.country !== to.country) continue;
    if (r.state === undefined) countryWide ??= r;
    else if (r.state === to.state) return r;
  }
  return countryWide;
};

/**
 * Tax on one amount at `ratePpm`, rounded half up per item. Exclusive: amount × rate. Inclusive: the
 * tax inside a gross amount, amount × rate ÷ (1 + rate), so the net is what remains.
 */
export const taxOn = (amount: number, ratePpm: number, inclusive: boolean): number =>
  inclusive ? mulDivHalfUp(amount, ratePpm, PPM + ratePpm) : mulDivHalfUp(amount, ratePpm, PPM);

/** The built-in tax adapter: rates from the store's rate table by destination and tax class. */
export const rateTableTaxCalculator = (regions: readonly TaxRegion[]): TaxCalculator => ({
  calculate(request: TaxRequest): TaxResult {
    const region = findTaxRegion(regions, request.destination);
    const itemTax = (item: TaxableItem): ItemTax => {
      const ratePpm = region ? region.rates[item.taxClass] : 0;
      return { ratePpm, tax: taxOn(item.amount, ratePpm, request.pricesIncludeTax) };
    };
    return {
      lines: request.lines.map(itemTax),
      shipping: request.shipping ? itemTax(request.shipping) : null,
    };
  },
});
