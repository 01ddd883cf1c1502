import { describe, expect, it } from 'vitest';
import { lineFromCatalog } from '#contexts/pricing/domain/catalog-line.ts';

const product = {
  id: 'p-1',
  status: 'active' as const,
  categoryIds: ['shirts'],
  taxClass: 'reduced' as const,
  variants: [
    {
      id: 'v-1',
      prices: { EUR: 1000 },
      weightGrams: 250,
      salePrices: [
        {
          priceList: 'summer',
          currency: 'EUR' as const,
          amount: 800,
          startsAt: '2026-06-01T00:00:00.000Z',
          endsAt: '2026-07-01T00:00:00.000Z',
        },
      ],
    },
  ],
};
const during = new Date('2026-06-15T00:00:00.000Z');

describe('lineFromCatalog', () => {
  it('prices a line at the catalog effective price (the running sale) and flags a change', () => {
    const l = lineFromCatalog(
      { variantId: 'v-1', quantity: 2, previousUnitPrice: 1000 },
      product,
      'EUR',
      during,
      false,
    );
    expect(l).toMatchObject({
      unitPrice: 800,
      previousUnitPrice: 1000,
      taxClass: 'reduced',
      weightGrams: 250,
      archived: false,
    });
  });

  it.each([
    ['not sold in the currency', product, 'USD', 'v-1'],
    ['a removed variant', product, 'EUR', 'gone'],
    ['a draft product', { ...product, status: 'draft' as const }, 'EUR', 'v-1'],
  ] as const)('leaves the price null for %s', (_, p, currency, variantId) => {
    expect(lineFromCatalog({ variantId, quantity: 1 }, p, currency, during, false).unitPrice).toBeNull();
  });

  it('marks archived products and passes the stock answer through', () => {
    const l = lineFromCatalog(
      { variantId: 'v-1', quantity: 1 },
      { ...product, status: 'archived' },
      'EUR',
      during,
      true,
    );
    expect(l).toMatchObject({ archived: true, outOfStock: true, unitPrice: 800 });
  });
});
