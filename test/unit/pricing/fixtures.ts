import type { PricingInput, PricingLine } from '#contexts/pricing/domain/cart-schemas.ts';
import { type Promotion, promotionSchema } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import type { TaxRegion } from '#contexts/pricing/domain/tax-schemas.ts';

export const NOW = '2026-06-15T12:00:00.000Z';

/** Germany 19 % / 7 %, California 7.25 %, New York state 8.875 %, the US without sales tax elsewhere. */
export const REGIONS: TaxRegion[] = [
  { country: 'DE', rates: { standard: 190_000, reduced: 70_000, zero: 0 } },
  { country: 'FR', rates: { standard: 200_000, reduced: 55_000, zero: 0 } },
  { country: 'US', state: 'CA', rates: { standard: 72_500, reduced: 72_500, zero: 0 } },
  { country: 'US', state: 'NY', rates: { standard: 88_750, reduced: 40_000, zero: 0 } },
  { country: 'US', rates: { standard: 0, reduced: 0, zero: 0 } },
];

export const STANDARD_SHIPPING: ShippingOption = {
  id: 'standard',
  name: 'Standard',
  countries: ['DE', 'FR', 'US'],
  rate: { type: 'flat', amounts: { EUR: 495, USD: 595, JPY: 800, KWD: 1500 } },
  freeAbove: { EUR: 5000, USD: 7500 },
};

export const line = (overrides: Partial<PricingLine> = {}): PricingLine => ({
  variantId: 'v-1',
  productId: 'p-1',
  categoryIds: ['shirts'],
  quantity: 1,
  unitPrice: 1000,
  taxClass: 'standard',
  weightGrams: 200,
  archived: false,
  outOfStock: false,
  ...overrides,
});

/** A EUR cart shipped to Germany, prices excluding tax, no promotions, signed-in returning customer. */
export const input = (overrides: Partial<PricingInput> = {}): PricingInput => ({
  currency: 'EUR',
  lines: [line()],
  destination: { country: 'DE' },
  shippingOption: STANDARD_SHIPPING,
  promotions: [],
  codes: [],
  customer: { signedIn: true, firstOrder: false },
  usage: {},
  tax: { regions: REGIONS, pricesIncludeTax: {}, shippingTaxClass: 'standard' },
  now: NOW,
  ...overrides,
});

/** A promotion parsed through its schema, so fixtures stay valid input. */
export const promo = (fields: Record<string, unknown>): Promotion =>
  promotionSchema.parse({ id: 'promo', name: 'Promo', combinable: true, ...fields });
