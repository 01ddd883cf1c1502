import { describe, expect, it } from 'vitest';
import { pricingInputSchema } from '#contexts/pricing/domain/cart-schemas.ts';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { cartTotalsSchema } from '#contexts/pricing/domain/totals-schemas.ts';
import { AmountOverflowError } from '#platform/money/errors.ts';
import { input, line, REGIONS } from './fixtures.ts';

describe('priceCart', () => {
  it('prices a tax-exclusive cart: subtotal, shipping, tax per line and on shipping, grand total', () => {
    const totals = priceCart(
      input({
        lines: [
          line({ variantId: 'a', unitPrice: 1999, quantity: 2 }),
          line({ variantId: 'b', unitPrice: 450, taxClass: 'reduced' }),
        ],
      }),
    );
    // 3998 × 19 % = 759.62 → 760; 450 × 7 % = 31.5 → 32 (half up); shipping 495 × 19 % = 94.05 → 94.
    expect(totals.lines.map((l) => [l.subtotal, l.tax, l.total, l.taxRatePpm])).toEqual([
      [3998, 760, 4758, 190_000],
      [450, 32, 482, 70_000],
    ]);
    expect(totals).toMatchObject({
      subtotal: 4448,
      discountTotal: 0,
      shippingTotal: 495,
      taxTotal: 760 + 32 + 94,
      grandTotal: 4448 + 495 + 886,
      shipping: { status: 'ok', amount: 495, discount: 0, tax: 94, total: 589 },
      checkoutBlockers: [],
    });
    expect(() => cartTotalsSchema.parse(totals)).not.toThrow();
  });

  it('extracts the tax from tax-inclusive prices without changing what the shopper pays', () => {
    const totals = priceCart(
      input({
        lines: [line({ unitPrice: 2379 })],
        tax: { regions: REGIONS, pricesIncludeTax: { EUR: true }, shippingTaxClass: 'standard' },
      }),
    );
    // 23.79 includes 19 %: 23.79 × 0.19 / 1.19 = 3.798 → 3.80; shipping 4.95 includes 0.79.
    expect(totals.lines[0]).toMatchObject({ subtotal: 2379, tax: 380, total: 2379 });
    expect(totals).toMatchObject({ pricesIncludeTax: true, taxTotal: 380 + 79, grandTotal: 2379 + 495 });
  });

  it('charges the current price and flags the line when it changed since the shopper saw it', () => {
    const totals = priceCart(input({ lines: [line({ unitPrice: 1200, previousUnitPrice: 1000 })] }));
    expect(totals.lines[0]).toMatchObject({
      unitPrice: 1200,
      subtotal: 1200,
      flags: ['price_changed'],
      excluded: false,
    });
    expect(totals.checkoutBlockers).toEqual([]);
  });

  it.each([
    ['archived', { archived: true }, 'archived'],
    ['out of stock', { outOfStock: true }, 'out_of_stock'],
    ['not sold in the currency', { unitPrice: null }, 'unavailable'],
  ] as const)('keeps a line that is %s visible, flagged, and out of the totals', (_, fields, flag) => {
    const totals = priceCart(
      input({ lines: [line({ variantId: 'ok' }), line({ variantId: 'bad', ...fields })] }),
    );
    expect(totals.lines[1]).toMatchObject({ flags: [flag], excluded: true, subtotal: 0, tax: 0, total: 0 });
    expect(totals.subtotal).toBe(1000);
    expect(totals.checkoutBlockers).toEqual(['excluded_lines']);
  });

  it('prices JPY (0 decimals) and KWD (3 decimals) in their own minor units', () => {
    const yen = priceCart(input({ currency: 'JPY', lines: [line({ unitPrice: 1234, quantity: 3 })] }));
    expect(yen).toMatchObject({ subtotal: 3702, shippingTotal: 800, taxTotal: 703 + 152 });
    const dinar = priceCart(input({ currency: 'KWD', lines: [line({ unitPrice: 12_345 })] }));
    expect(dinar).toMatchObject({ subtotal: 12_345, shippingTotal: 1500, taxTotal: 2346 + 285 });
  });

  it('reports the blockers of an empty cart without a shipping option', () => {
    const totals = priceCart(input({ lines: [], shippingOption: null }));
    expect(totals).toMatchObject({
      grandTotal: 0,
      shipping: null,
      checkoutBlockers: ['empty_cart', 'no_shipping_option'],
    });
  });

  it('refuses totals that leave the exact range rather than rounding them', () => {
    const huge = line({ unitPrice: 100_000_000_000, quantity: 999 });
    const lines = Array.from({ length: 100 }, (_, i) => ({ ...huge, variantId: `v${i}` }));
    expect(() => priceCart(input({ lines }))).toThrow(AmountOverflowError);
  });

  it('rejects unknown fields and non-integer prices at the schema', () => {
    expect(pricingInputSchema.safeParse(input()).success).toBe(true);
    expect(pricingInputSchema.safeParse({ ...input(), extra: 1 }).success).toBe(false);
    expect(pricingInputSchema.safeParse(input({ lines: [line({ unitPrice: 9.99 })] })).success).toBe(false);
  });
});
