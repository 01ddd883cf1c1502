import { describe, expect, it } from 'vitest';
import { effectivePrice, priceFrom } from '#contexts/catalog/domain/pricing.ts';
import type { SalePrice } from '#contexts/catalog/domain/schemas.ts';

const sale = (amount: number, startsAt: string, endsAt: string, priceList = 'summer'): SalePrice => ({
  priceList,
  currency: 'EUR',
  amount,
  startsAt,
  endsAt,
});
const variant = {
  prices: { EUR: 1000, USD: 1100 },
  salePrices: [
    sale(800, '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
    sale(700, '2026-06-15T00:00:00.000Z', '2026-06-16T00:00:00.000Z', 'flash'),
    sale(1200, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'odd'),
  ],
};

describe('effectivePrice', () => {
  it.each([
    ['before the sale', '2026-05-31T23:59:59.999Z', { currency: 'EUR', amount: 1000 }],
    [
      'at the start (inclusive)',
      '2026-06-01T00:00:00.000Z',
      { currency: 'EUR', amount: 800, compareAt: 1000, priceList: 'summer' },
    ],
    [
      'when two sales overlap (the lower wins)',
      '2026-06-15T12:00:00.000Z',
      { currency: 'EUR', amount: 700, compareAt: 1000, priceList: 'flash' },
    ],
    ['at the end (exclusive)', '2026-07-01T00:00:00.000Z', { currency: 'EUR', amount: 1000 }],
  ])('honours the sale window %s', (_, at, expected) => {
    expect(effectivePrice(variant, 'EUR', new Date(at))).toEqual(expected);
  });

  it('ignores sales in other currencies and never raises the price', () => {
    expect(effectivePrice(variant, 'USD', new Date('2026-06-15T12:00:00.000Z'))).toEqual({
      currency: 'USD',
      amount: 1100,
    });
    expect(effectivePrice({ prices: {} }, 'EUR', new Date())).toBeUndefined();
  });
});

describe('priceFrom', () => {
  it('takes the cheapest base price per currency', () => {
    expect(priceFrom([{ prices: { EUR: 5, USD: 9 } }, { prices: { EUR: 3 } }])).toEqual({ EUR: 3, USD: 9 });
  });
});
