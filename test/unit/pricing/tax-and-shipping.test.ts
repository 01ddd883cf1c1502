import { describe, expect, it } from 'vitest';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { findTaxRegion, rateTableTaxCalculator } from '#contexts/pricing/domain/rate-table.ts';
import { quoteShipping } from '#contexts/pricing/domain/shipping.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { shippingOptionSchema } from '#contexts/pricing/domain/shipping-schemas.ts';
import { type TaxCalculator, TaxResultInvalidError } from '#contexts/pricing/domain/tax-port.ts';
import { input, line, REGIONS, STANDARD_SHIPPING } from './fixtures.ts';

describe('tax', () => {
  it.each([
    [{ country: 'US', state: 'NY' }, 88_750],
    [{ country: 'US', state: 'TX' }, 0],
    [{ country: 'US' }, 0],
    [{ country: 'DE', state: 'BY' }, 190_000],
    [{ country: 'CH' }, undefined],
  ])('finds the region of %j (state row before country row)', (to, standard) => {
    expect(findTaxRegion(REGIONS, to)?.rates.standard).toBe(standard);
  });

  it('taxes a destination outside every region at zero', () => {
    const totals = priceCart(
      input({ currency: 'USD', destination: { country: 'CH' }, shippingOption: null }),
    );
    expect(totals).toMatchObject({ taxTotal: 0, grandTotal: 1000 });
  });

  it('uses 8.875 % in New York, rounding half up per line', () => {
    const calc = rateTableTaxCalculator(REGIONS);
    const result = calc.calculate({
      currency: 'USD',
      destination: { country: 'US', state: 'NY' },
      pricesIncludeTax: false,
      lines: [
        { amount: 1000, taxClass: 'standard' },
        { amount: 400, taxClass: 'standard' },
      ],
      shipping: null,
    });
    // 88.75 → 89; 35.5 → 36.
    expect(result.lines.map((l) => l.tax)).toEqual([89, 36]);
  });

  it('accepts another tax adapter through the TaxCalculator port', () => {
    const flatFifty: TaxCalculator = {
      calculate: (req) => ({
        lines: req.lines.map(() => ({ tax: 50, ratePpm: 1 })),
        shipping: req.shipping ? { tax: 5, ratePpm: 1 } : null,
      }),
    };
    const totals = priceCart(input({ lines: [line(), line({ variantId: 'v-2' })] }), {
      taxCalculator: flatFifty,
    });
    expect(totals).toMatchObject({ taxTotal: 105, grandTotal: 2000 + 495 + 105 });
  });

  it.each([
    ['a missing line', { lines: [], shipping: { tax: 0, ratePpm: 0 } }],
    ['a negative tax', { lines: [{ tax: -1, ratePpm: 0 }], shipping: { tax: 0, ratePpm: 0 } }],
    ['a fractional tax', { lines: [{ tax: 1.5, ratePpm: 0 }], shipping: { tax: 0, ratePpm: 0 } }],
    ['no shipping tax', { lines: [{ tax: 1, ratePpm: 0 }], shipping: null }],
  ])('refuses an adapter answer with %s (502 tax_result_invalid)', (_, answer) => {
    const broken: TaxCalculator = { calculate: () => answer };
    expect(() => priceCart(input(), { taxCalculator: broken })).toThrow(TaxResultInvalidError);
  });
});

const byWeight: ShippingOption = shippingOptionSchema.parse({
  id: 'parcel',
  name: 'Parcel',
  countries: ['DE'],
  rate: {
    type: 'weight',
    tiers: [
      { upToGrams: 1000, amounts: { EUR: 500 } },
      { upToGrams: 5000, amounts: { EUR: 900, USD: 1000 } },
    ],
  },
});
const cart = { country: 'DE', currency: 'EUR' as const, weightGrams: 0, discountedSubtotal: 1000 };

describe('shipping rates', () => {
  it.each([
    [0, { ok: true, amount: 500 }],
    [1000, { ok: true, amount: 500 }],
    [1001, { ok: true, amount: 900 }],
    [5001, { ok: false, reason: 'overweight' }],
  ])('charges %i g by the first band that holds it', (weightGrams, quote) => {
    expect(quoteShipping(byWeight, { ...cart, weightGrams })).toEqual(quote);
  });

  it('is free from the threshold on (after discounts), not below it', () => {
    expect(quoteShipping(STANDARD_SHIPPING, { ...cart, discountedSubtotal: 5000 })).toEqual({
      ok: true,
      amount: 0,
    });
    expect(quoteShipping(STANDARD_SHIPPING, { ...cart, discountedSubtotal: 4999 })).toEqual({
      ok: true,
      amount: 495,
    });
  });

  it('says why an option cannot ship: country, currency', () => {
    expect(quoteShipping(byWeight, { ...cart, country: 'FR' })).toEqual({
      ok: false,
      reason: 'destination_not_served',
    });
    expect(quoteShipping(byWeight, { ...cart, currency: 'JPY' })).toEqual({
      ok: false,
      reason: 'currency_not_supported',
    });
  });

  it('weighs the purchasable lines and blocks checkout when no band fits', () => {
    const heavy = line({ weightGrams: 2000, quantity: 3 });
    const totals = priceCart(input({ lines: [heavy], shippingOption: byWeight }));
    expect(totals.shipping).toEqual({ status: 'unavailable', optionId: 'parcel', reason: 'overweight' });
    expect(totals.checkoutBlockers).toEqual(['shipping_unavailable']);
    const lighter = priceCart(input({ lines: [{ ...heavy, quantity: 2 }], shippingOption: byWeight }));
    expect(lighter.shipping).toMatchObject({ status: 'ok', amount: 900 });
  });

  it('rejects weight bands out of order', () => {
    const bad = {
      ...byWeight,
      rate: {
        type: 'weight',
        tiers: [...(byWeight.rate.type === 'weight' ? byWeight.rate.tiers : [])].reverse(),
      },
    };
    expect(shippingOptionSchema.safeParse(bad).success).toBe(false);
  });
});
