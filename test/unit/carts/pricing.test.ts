import { describe, expect, it } from 'vitest';
import { addLine, newCart, setShippingAddress } from '#contexts/carts/domain/changes.ts';
import { pricingInputFor, stampPriceWhenAdded } from '#contexts/carts/domain/pricing.ts';
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
  priceLists: [],
  offers: new Map(),
  customerGroupIds: [],
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

describe('price lists in the engine input of a cart', () => {
  const vipList = {
    id: 'pl-vip',
    name: 'VIP',
    status: 'active' as const,
    channelIds: [],
    customerGroupIds: ['vip'],
  };
  const withVip = snapshot({
    priceLists: [vipList, { ...vipList, id: 'pl-b2b', customerGroupIds: [], channelIds: ['b2b'] }],
    offers: new Map([
      [
        'a',
        [
          { priceListId: 'pl-vip', currency: 'EUR' as const, amount: 800 },
          { priceListId: 'pl-b2b', currency: 'EUR' as const, amount: 700 },
        ],
      ],
    ]),
    customerGroupIds: ['vip'],
  });
  const customerCart = () => addLine(newCart({ currency: 'EUR', customerId: 'c-1', now }), v, 1, 1000, now);

  it('prices a signed-in customer in the group at the group price and names the list', () => {
    const input = pricingInputFor(customerCart(), withVip, true, now);
    expect(input.lines[0]).toMatchObject({ unitPrice: 800, priceListId: 'pl-vip' });
    expect(input.customer.groupIds).toEqual(['vip']);
  });

  it('gives a guest no groups, so no group price', () => {
    const input = pricingInputFor(cart(1), withVip, false, now);
    expect(input.lines[0]?.unitPrice).toBe(1000);
    expect(input.lines[0]?.priceListId).toBeUndefined();
  });

  it('applies a channel list only to carts in that channel', () => {
    const inB2b = { ...customerCart(), channelId: 'b2b' };
    expect(pricingInputFor(inB2b, withVip, true, now).lines[0]).toMatchObject({
      unitPrice: 700,
      priceListId: 'pl-b2b',
    });
    expect(pricingInputFor(customerCart(), withVip, true, now).lines[0]).toMatchObject({
      unitPrice: 800,
      priceListId: 'pl-vip',
    });
  });

  it('stamps an added line with its price-list price, so it is not flagged as a changed price', () => {
    const stamped = stampPriceWhenAdded(customerCart(), 'a', withVip, now);
    expect(stamped.lines[0]?.unitPriceWhenAdded).toBe(800);
    expect(pricingInputFor(stamped, withVip, true, now).lines[0]).toMatchObject({
      unitPrice: 800,
      previousUnitPrice: 800,
    });
    // Another variant's line keeps the price it was added at.
    expect(stampPriceWhenAdded(customerCart(), 'b', withVip, now).lines[0]?.unitPriceWhenAdded).toBe(1000);
  });
});
