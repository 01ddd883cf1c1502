import { describe, expect, it } from 'vitest';
import { addLine, newCart, setShippingAddress } from '#contexts/carts/domain/changes.ts';
import { pricingInputFor } from '#contexts/carts/domain/pricing.ts';
import type { CatalogVariant, PricingSnapshot } from '#contexts/carts/domain/pricing-snapshot.ts';
import { DEFAULT_TAX_SETTINGS } from '#contexts/pricing/domain/tax-settings.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const v: CatalogVariant = {
  id: 'a',
  sku: 'A',
  title: 'A',
  options: {},
  prices: { EUR: 1000 },
  productId: 'p',
  product: { title: 'P', slug: 'p', status: 'active', categoryIds: ['home'], taxClass: 'reduced' },
};
const snapshot = (over: Partial<PricingSnapshot> = {}): PricingSnapshot => ({
  variants: new Map([['a', v]]),
  available: new Map([['a', 3]]),
  promotions: [],
  usage: {},
  shippingOption: null,
  tax: DEFAULT_TAX_SETTINGS,
  firstOrder: true,
  ...over,
});
const cart = (quantity: number) =>
  addLine(newCart({ currency: 'EUR', tokenHash: 'h', now }), v, quantity, 900, now);
const address = { name: 'N', line1: 'L', line2: null, city: 'C', postalCode: null, phone: null };

describe('the engine input of a cart', () => {
  it('prices lines from the catalog now, remembering the price they were added at', () => {
    const input = pricingInputFor(cart(2), snapshot(), false, now);
    expect(input.lines).toEqual([
      expect.objectContaining({
        variantId: 'a',
        productId: 'p',
        unitPrice: 1000,
        previousUnitPrice: 900,
        taxClass: 'reduced',
        categoryIds: ['home'],
        outOfStock: false,
      }),
    ]);
    expect(input.customer).toEqual({ signedIn: false, firstOrder: false });
  });

  it('flags a line out of stock when fewer units are available than it asks for, or none are tracked', () => {
    expect(pricingInputFor(cart(4), snapshot(), false, now).lines[0]!.outOfStock).toBe(true);
    expect(
      pricingInputFor(cart(1), snapshot({ available: new Map() }), false, now).lines[0]!.outOfStock,
    ).toBe(true);
  });

  it('prices a variant that no longer exists as unavailable (no price), never dropping the line', () => {
    const line = pricingInputFor(cart(1), snapshot({ variants: new Map() }), false, now).lines[0]!;
    expect(line).toMatchObject({ variantId: 'a', productId: 'p', unitPrice: null });
  });

  it('taxes at the address, using a state code region for the state, else the store’s home destination', () => {
    expect(pricingInputFor(cart(1), snapshot(), false, now).destination).toEqual(
      DEFAULT_TAX_SETTINGS.defaultDestination,
    );
    const us = setShippingAddress(cart(1), { ...address, region: 'CA', country: 'US' });
    expect(pricingInputFor(us, snapshot(), false, now).destination).toEqual({ country: 'US', state: 'CA' });
    const de = setShippingAddress(cart(1), { ...address, region: 'Bavaria', country: 'DE' });
    expect(pricingInputFor(de, snapshot(), false, now).destination).toEqual({ country: 'DE' });
  });
});
