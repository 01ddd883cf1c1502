import { describe, expect, it } from 'vitest';
import { storeProductIn, summaryIn } from '#contexts/catalog/domain/channel-view.ts';
import type { StoreProduct } from '#contexts/catalog/domain/schemas.ts';
import { implicitDefaultChannel } from '#contexts/channels/domain/default-channel.ts';
import type { Channel } from '#contexts/channels/domain/schemas.ts';
import { locationsOf, sellsCurrency, showsProduct } from '#contexts/channels/domain/scope.ts';
import { source } from '#contexts/inventory/domain/sourcing.ts';
import { locationsStale } from '#contexts/inventory/domain/stock.ts';

const web: Channel = {
  ...implicitDefaultChannel(),
  id: 'web',
  name: 'Web',
  isDefault: false,
  currencies: ['EUR'],
  stockLocationIds: ['berlin'],
};

describe('channel scope', () => {
  it('lets the default channel sell every currency, product and location', () => {
    const all = implicitDefaultChannel();
    expect(sellsCurrency(all, 'KWD')).toBe(true);
    expect(showsProduct(all, undefined)).toBe(true);
    expect(locationsOf(all)).toBeUndefined();
  });

  it.each([
    [['web'], true],
    [['app'], false],
    [[], false],
    [undefined, false],
  ])('shows a product naming %j in another channel: %s', (ids, shown) => {
    expect(showsProduct(web, ids)).toBe(shown);
  });

  it('sells only the channel’s currencies from its locations', () => {
    expect(sellsCurrency(web, 'EUR')).toBe(true);
    expect(sellsCurrency(web, 'USD')).toBe(false);
    expect(locationsOf(web)).toEqual(['berlin']);
  });
});

describe('channel prices', () => {
  const product = {
    priceFrom: { EUR: 100, USD: 120 },
    variants: [
      {
        prices: { EUR: 100, USD: 120 },
        salePrices: [
          {
            priceList: 's',
            currency: 'USD',
            amount: 90,
            startsAt: '2026-01-01T00:00:00Z',
            endsAt: '2027-01-01T00:00:00Z',
          },
        ],
        effectivePrices: { EUR: { currency: 'EUR', amount: 100 }, USD: { currency: 'USD', amount: 90 } },
      },
    ],
  } as unknown as StoreProduct;

  it('narrows a product page to the channel’s currencies', () => {
    const page = storeProductIn(product, ['EUR']);
    expect(page.priceFrom).toEqual({ EUR: 100 });
    expect(page.variants[0]).toMatchObject({ prices: { EUR: 100 }, salePrices: [] });
    expect(Object.keys(page.variants[0]!.effectivePrices)).toEqual(['EUR']);
    expect(storeProductIn(product, null)).toBe(product);
  });

  it('narrows a listing summary’s "from" prices', () => {
    const summary = { priceFrom: { EUR: 1, JPY: 2 } } as never;
    expect(summaryIn(summary, ['JPY']).priceFrom).toEqual({ JPY: 2 });
  });
});

describe('sourcing for a channel', () => {
  const locations = [
    { id: 'berlin', priority: 2, regions: [], active: true },
    { id: 'paris', priority: 1, regions: [], active: true },
  ];
  const line = (berlin: number, paris: number) => ({
    variantId: 'v',
    quantity: 2,
    candidates: [
      { locationId: 'berlin', shard: 0, available: berlin },
      { locationId: 'paris', shard: 0, available: paris },
    ],
  });

  it('takes stock only from the allowed locations, even where another has more priority', () => {
    expect(source([line(5, 5)], locations, undefined, ['berlin'])).toEqual({
      ok: true,
      allocations: [{ variantId: 'v', locationId: 'berlin', shard: 0, quantity: 2 }],
    });
  });

  it('is short when only a location outside the channel has the stock', () => {
    expect(source([line(0, 5)], locations, undefined, ['berlin'])).toEqual({
      ok: false,
      short: [{ variantId: 'v', requested: 2, available: 0 }],
    });
    expect(source([line(0, 5)], locations).ok).toBe(true);
  });
});

describe('per-location stock summary', () => {
  it.each([
    [undefined, { a: 5 }, false],
    [{ a: 5 }, { a: 5 }, false],
    [{ a: 100 }, { a: 95 }, false],
    [{ a: 100 }, { a: 90 }, true],
    [{ a: 5 }, { a: 5, b: 1 }, true],
    [{ a: 5, b: 1 }, { a: 5 }, true],
  ])('stored %j, now %j: stale %s', (stored, now, stale) => {
    expect(locationsStale(stored, now)).toBe(stale);
  });
});
