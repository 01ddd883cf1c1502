import { describe, expect, it } from 'vitest';
import { priceListFromItem } from '#contexts/pricing/data/price-list-items.ts';
import { lineFromCatalog } from '#contexts/pricing/domain/catalog-line.ts';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { createPriceListInput } from '#contexts/pricing/domain/price-list-inputs.ts';
import type { PriceList, PriceOffer } from '#contexts/pricing/domain/price-list-schemas.ts';
import {
  applicablePriceLists,
  chooseUnitPrice,
  type PriceScope,
  priceListApplies,
} from '#contexts/pricing/domain/price-lists.ts';
import { input, NOW } from './fixtures.ts';

const nowMs = Date.parse(NOW);
const list = (fields: Partial<PriceList> = {}): PriceList => ({
  id: 'pl-1',
  name: 'Wholesale',
  status: 'active',
  channelIds: [],
  customerGroupIds: [],
  ...fields,
});
const guest: PriceScope = { nowMs, channelId: 'default', customerGroupIds: [] };
const vip: PriceScope = { ...guest, customerGroupIds: ['vip'] };
const offer = (priceListId: string, amount: number, currency: 'EUR' | 'USD' = 'EUR'): PriceOffer => ({
  priceListId,
  currency,
  amount,
});

describe('priceListApplies', () => {
  it('applies an active list without window or scopes to everyone, guests included', () => {
    expect(priceListApplies(list(), guest)).toBe(true);
  });

  it('never applies a draft', () => {
    expect(priceListApplies(list({ status: 'draft' }), guest)).toBe(false);
  });

  it.each([
    ['starts later', { startsAt: '2026-06-15T12:00:00.001Z' }, false],
    ['starts now (inclusive)', { startsAt: NOW }, true],
    ['ended now (exclusive)', { endsAt: NOW }, false],
    ['ends later', { endsAt: '2026-06-15T12:00:00.001Z' }, true],
    ['window holds now', { startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' }, true],
  ])('judges the window: %s', (_name, window, expected) => {
    expect(priceListApplies(list(window), guest)).toBe(expected);
  });

  it('limits a group list to customers in one of its groups', () => {
    const l = list({ customerGroupIds: ['vip', 'b2b'] });
    expect(priceListApplies(l, vip)).toBe(true);
    expect(priceListApplies(l, guest)).toBe(false);
    expect(priceListApplies(l, { ...guest, customerGroupIds: ['other'] })).toBe(false);
  });

  it('limits a channel list to carts in one of its channels', () => {
    const l = list({ channelIds: ['wholesale'] });
    expect(priceListApplies(l, { ...guest, channelId: 'wholesale' })).toBe(true);
    expect(priceListApplies(l, guest)).toBe(false);
  });

  it('needs both scopes when a list has both', () => {
    const l = list({ channelIds: ['b2b-portal'], customerGroupIds: ['vip'] });
    expect(priceListApplies(l, { ...vip, channelId: 'b2b-portal' })).toBe(true);
    expect(priceListApplies(l, vip)).toBe(false);
    expect(priceListApplies(l, { ...guest, channelId: 'b2b-portal' })).toBe(false);
  });
});

describe('chooseUnitPrice', () => {
  const all = new Set(['a', 'b']);

  it('keeps the catalog price when no list is lower', () => {
    expect(chooseUnitPrice(1000, 'EUR', [offer('a', 1200)], all)).toEqual({ amount: 1000 });
  });

  it('takes the lowest applicable offer and names its list', () => {
    expect(chooseUnitPrice(1000, 'EUR', [offer('a', 900), offer('b', 800)], all)).toEqual({
      amount: 800,
      priceListId: 'b',
    });
  });

  it('ignores offers of lists that do not apply and offers in other currencies', () => {
    const offers = [offer('c', 100), offer('a', 200, 'USD'), offer('b', 950)];
    expect(chooseUnitPrice(1000, 'EUR', offers, all)).toEqual({ amount: 950, priceListId: 'b' });
  });

  it('gives a tie with the catalog to the catalog, and between lists to the smaller id', () => {
    expect(chooseUnitPrice(900, 'EUR', [offer('a', 900)], all)).toEqual({ amount: 900 });
    expect(chooseUnitPrice(1000, 'EUR', [offer('b', 900), offer('a', 900)], all)).toEqual({
      amount: 900,
      priceListId: 'a',
    });
  });

  it('never sells a variant in a currency the catalog does not price it in', () => {
    expect(chooseUnitPrice(undefined, 'EUR', [offer('a', 500)], all)).toBeUndefined();
  });
});

describe('lineFromCatalog with price lists', () => {
  const product = {
    id: 'p-1',
    status: 'active' as const,
    categoryIds: [],
    taxClass: 'standard' as const,
    variants: [
      {
        id: 'v-1',
        prices: { EUR: 2000 },
        salePrices: [
          {
            priceList: 'summer',
            currency: 'EUR' as const,
            amount: 1500,
            startsAt: '2026-06-01T00:00:00.000Z',
            endsAt: '2026-07-01T00:00:00.000Z',
          },
        ],
        weightGrams: 100,
      },
    ],
  };
  const ref = { variantId: 'v-1', quantity: 1 };
  const now = new Date(NOW);

  it('lets a running sale beat a higher list price', () => {
    const lists = { offers: [offer('a', 1600)], applicable: new Set(['a']) };
    const l = lineFromCatalog(ref, product, 'EUR', now, false, lists);
    expect(l.unitPrice).toBe(1500);
    expect(l.priceListId).toBeUndefined();
  });

  it('lets a list price beat the sale and records the list', () => {
    const lists = { offers: [offer('a', 1400)], applicable: new Set(['a']) };
    const l = lineFromCatalog(ref, product, 'EUR', now, false, lists);
    expect(l).toMatchObject({ unitPrice: 1400, priceListId: 'a' });
  });

  it('lets no list price a draft', () => {
    const lists = { offers: [offer('a', 1400)], applicable: new Set(['a']) };
    const l = lineFromCatalog(ref, { ...product, status: 'draft' }, 'EUR', now, false, lists);
    expect(l.unitPrice).toBeNull();
  });

  it('carries the winning list through the engine onto the priced line', () => {
    const lists = {
      offers: [offer('a', 1400)],
      applicable: applicablePriceLists([list({ id: 'a' })], guest),
    };
    const l = lineFromCatalog(ref, product, 'EUR', now, false, lists);
    const totals = priceCart(input({ lines: [l] }));
    expect(totals.lines[0]).toMatchObject({ unitPrice: 1400, priceListId: 'a', subtotal: 1400 });
  });
});

describe('a stored price list', () => {
  const stored = {
    pk: 'PRICE_LIST#pl-old',
    ...list({ id: 'pl-old', channelIds: ['Web_Store'] }),
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };

  it('loads with a channel id written before channel ids had their format, and applies there to no channel', () => {
    const loaded = priceListFromItem(stored);
    expect(loaded.channelIds).toEqual(['Web_Store']);
    expect(priceListApplies(loaded, guest)).toBe(false);
  });

  it('is refused as input with such a channel id', () => {
    expect(createPriceListInput.safeParse({ name: 'Old', channelIds: ['Web_Store'] }).success).toBe(false);
  });
});
