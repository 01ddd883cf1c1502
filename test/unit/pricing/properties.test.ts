import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { PricingInput, PricingLine } from '#contexts/pricing/domain/cart-schemas.ts';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { type CartTotals, cartTotalsSchema } from '#contexts/pricing/domain/totals-schemas.ts';
import { input, promo, REGIONS } from './fixtures.ts';

const currencies: CurrencyCode[] = ['EUR', 'JPY', 'KWD', 'USD'];
const currency = fc.constantFrom(...currencies);
const destination = fc.constantFrom(
  { country: 'DE' },
  { country: 'US', state: 'NY' },
  { country: 'FR' },
  { country: 'CH' },
);

/** True one time in ten: most lines are purchasable. */
const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);

const lineArb = (i: number): fc.Arbitrary<PricingLine> =>
  fc.record({
    variantId: fc.constant(`v${i}`),
    productId: fc.constantFrom('p1', 'p2', 'p3'),
    categoryIds: fc.subarray(['shirts', 'hats', 'sale']),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    taxClass: fc.constantFrom('standard', 'reduced', 'zero'),
    weightGrams: fc.integer({ min: 0, max: 3000 }),
    archived: rarely,
    outOfStock: rarely,
  });
const lines = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(i))));

const amounts = fc.record(
  { EUR: fc.nat(20_000), JPY: fc.nat(20_000), KWD: fc.nat(20_000) },
  { requiredKeys: [] },
);
const conditions = fc.record(
  {
    minimumSubtotal: amounts,
    productIds: fc.constant(['p1']),
    categoryIds: fc.constant(['hats']),
    customer: fc.constantFrom('anyone', 'signed_in', 'first_order'),
  },
  { requiredKeys: [] },
);
const promotionArb = (i: number): fc.Arbitrary<Promotion> =>
  fc
    .record({
      combinable: fc.boolean(),
      conditions,
      kind: fc.oneof(
        fc.record({ type: fc.constant('percentage'), percentBps: fc.integer({ min: 1, max: 10_000 }) }),
        fc.record({ type: fc.constant('fixed_amount'), amounts }),
        fc.record({ type: fc.constant('free_shipping') }),
        fc.record({
          type: fc.constant('buy_x_get_y'),
          buyQuantity: fc.integer({ min: 1, max: 4 }),
          getQuantity: fc.integer({ min: 1, max: 3 }),
          getPercentBps: fc.integer({ min: 1, max: 10_000 }),
        }),
      ),
    })
    .map(({ kind, ...rest }) => promo({ id: `promo-${i}`, ...rest, ...kind }));
const promotions = fc
  .integer({ min: 0, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => promotionArb(i))));

const shippingOption = fc.option(
  fc.record({ flat: amounts, freeAbove: amounts }).map(
    ({ flat, freeAbove }): ShippingOption => ({
      id: 'ship',
      name: 'Ship',
      countries: ['DE', 'FR', 'US'],
      rate: { type: 'flat', amounts: flat },
      freeAbove,
    }),
  ),
);

const cart = fc
  .record({
    currency,
    lines,
    destination,
    shippingOption,
    promotions,
    inclusive: fc.boolean(),
    customer: fc.record({ signedIn: fc.boolean(), firstOrder: fc.boolean() }),
  })
  .map(
    ({ inclusive, currency: c, ...rest }): PricingInput =>
      input({
        ...rest,
        currency: c,
        tax: { regions: REGIONS, pricesIncludeTax: { [c]: inclusive }, shippingTaxClass: 'standard' },
      }),
  );

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const shippingOf = (t: CartTotals) => (t.shipping?.status === 'ok' ? t.shipping : undefined);

describe('pricing properties', () => {
  it('totals add up and no figure is negative or fractional', () => {
    fc.assert(
      fc.property(cart, (i) => {
        const t = priceCart(i);
        cartTotalsSchema.parse(t); // every amount a non-negative safe integer
        const ship = shippingOf(t);
        expect(t.subtotal).toBe(sum(t.lines.map((l) => l.subtotal)));
        expect(t.discountTotal).toBe(sum(t.lines.map((l) => l.discountTotal)) + (ship?.discount ?? 0));
        expect(t.discountTotal).toBe(sum(t.promotions.applied.map((a) => a.amount)));
        expect(t.taxTotal).toBe(sum(t.lines.map((l) => l.tax)) + (ship?.tax ?? 0));
        expect(t.grandTotal).toBe(sum(t.lines.map((l) => l.total)) + (ship?.total ?? 0));
        for (const l of t.lines) {
          expect(sum(l.discounts.map((d) => d.amount))).toBe(l.discountTotal);
          expect(l.discountTotal).toBeLessThanOrEqual(l.subtotal);
        }
        const expected =
          t.subtotal - t.discountTotal + t.shippingTotal + (t.pricesIncludeTax ? 0 : t.taxTotal);
        expect(t.grandTotal).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('grand total = subtotal − discounts + shipping + tax in tax-exclusive mode', () => {
    fc.assert(
      fc.property(cart, (i) => {
        const t = priceCart({ ...i, tax: { ...i.tax, pricesIncludeTax: {} } });
        expect(t.grandTotal).toBe(t.subtotal - t.discountTotal + t.shippingTotal + t.taxTotal);
      }),
    );
  });

  it('applying promotions never increases the grand total', () => {
    fc.assert(
      fc.property(cart, (i) => {
        const without = priceCart({ ...i, promotions: [] });
        expect(priceCart(i).grandTotal).toBeLessThanOrEqual(without.grandTotal);
      }),
      { numRuns: 300 },
    );
  });

  it('tax-inclusive and tax-exclusive prices of the same goods agree: same total, tax within 1 per item', () => {
    fc.assert(
      fc.property(cart, (i) => {
        // One unit per line, so a line is one taxed item in both modes; no promotions, no free threshold.
        const base = { ...i, promotions: [], lines: i.lines.map((l) => ({ ...l, quantity: 1 })) };
        const flat =
          base.shippingOption?.rate.type === 'flat'
            ? base.shippingOption.rate.amounts[i.currency]
            : undefined;
        const option = (amount: number | undefined): ShippingOption | null =>
          amount === undefined
            ? null
            : {
                id: 'ship',
                name: 'Ship',
                countries: ['DE', 'FR', 'US'],
                rate: { type: 'flat', amounts: { [i.currency]: amount } },
              };
        const exclusive = priceCart({
          ...base,
          shippingOption: option(flat),
          tax: { ...i.tax, pricesIncludeTax: {} },
        });
        // The inclusive store lists each item at the exclusive store's gross figure.
        const inclusive = priceCart({
          ...base,
          lines: base.lines.map((l, k) =>
            l.unitPrice === null ? l : { ...l, unitPrice: exclusive.lines[k]!.total || l.unitPrice },
          ),
          shippingOption: option(shippingOf(exclusive)?.total),
          tax: { ...i.tax, pricesIncludeTax: { [i.currency]: true } },
        });
        expect(inclusive.grandTotal).toBe(exclusive.grandTotal);
        const items = exclusive.lines.filter((l) => !l.excluded).length + (shippingOf(exclusive) ? 1 : 0);
        expect(Math.abs(inclusive.taxTotal - exclusive.taxTotal)).toBeLessThanOrEqual(items);
        inclusive.lines.forEach((l, k) => {
          expect(Math.abs(l.tax - exclusive.lines[k]!.tax)).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input prices the same', () => {
    fc.assert(
      fc.property(cart, (i) => {
        expect(priceCart(i)).toEqual(priceCart(structuredClone(i)));
      }),
    );
  });
});
