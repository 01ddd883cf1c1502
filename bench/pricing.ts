// Pricing engine speed: a 100-line cart with promotions, tax and shipping. Run: `npx tsx bench/pricing.ts`.
// Prints a table of per-call times; asserts nothing (figures go in the closing notes).
import type { PricingInput, PricingLine } from '#contexts/pricing/domain/cart-schemas.ts';
import { pricingInputSchema } from '#contexts/pricing/domain/cart-schemas.ts';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';

const lines: PricingLine[] = Array.from({ length: 100 }, (_, i) => ({
  variantId: `variant-${i}`,
  productId: `product-${i % 40}`,
  categoryIds: [i % 3 === 0 ? 'hats' : 'shirts', 'sale'],
  quantity: 1 + (i % 5),
  unitPrice: 499 + i * 137,
  ...(i % 10 === 0 ? { previousUnitPrice: 450 + i * 137 } : {}),
  taxClass: i % 4 === 0 ? 'reduced' : 'standard',
  weightGrams: 150 + i,
  archived: i === 97,
  outOfStock: i === 98,
}));

const raw = {
  currency: 'EUR',
  lines,
  destination: { country: 'DE' },
  shippingOption: {
    id: 'parcel',
    name: 'Parcel',
    countries: ['DE', 'FR'],
    rate: {
      type: 'weight',
      tiers: [
        { upToGrams: 5_000, amounts: { EUR: 495 } },
        { upToGrams: 100_000, amounts: { EUR: 1495 } },
      ],
    },
    freeAbove: { EUR: 2_000_000 },
  },
  promotions: [
    { id: 'auto-10', name: '10 % off', combinable: true, type: 'percentage', percentBps: 1000 },
    {
      id: 'hats-b2g1',
      name: 'Hats 3 for 2',
      combinable: true,
      type: 'buy_x_get_y',
      buyQuantity: 2,
      getQuantity: 1,
      getPercentBps: 10_000,
      conditions: { categoryIds: ['hats'] },
    },
    {
      id: 'ship',
      name: 'Free shipping',
      combinable: true,
      type: 'free_shipping',
      conditions: { minimumSubtotal: { EUR: 10_000 } },
    },
    {
      id: 'vip',
      name: 'VIP 25 €',
      code: 'VIP25',
      combinable: false,
      type: 'fixed_amount',
      amounts: { EUR: 2500 },
    },
    { id: 'big', name: '20 % alone', code: 'BIG20', combinable: false, type: 'percentage', percentBps: 2000 },
  ],
  codes: ['VIP25', 'BIG20'],
  customer: { signedIn: true, firstOrder: false },
  usage: { vip: { total: 10, customer: 0 } },
  tax: {
    regions: [
      { country: 'DE', rates: { standard: 190_000, reduced: 70_000, zero: 0 } },
      { country: 'FR', rates: { standard: 200_000, reduced: 55_000, zero: 0 } },
    ],
    pricesIncludeTax: { EUR: true },
    shippingTaxClass: 'standard',
  },
  now: '2026-06-15T12:00:00.000Z',
};
const input: PricingInput = pricingInputSchema.parse(raw);
const exclusive: PricingInput = { ...input, tax: { ...input.tax, pricesIncludeTax: {} } };

const measure = (name: string, fn: () => unknown, iterations = 20_000) => {
  for (let i = 0; i < 2_000; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  return {
    scenario: name,
    'mean µs': (samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(1),
    'p50 µs': at(0.5),
    'p99 µs': at(0.99),
    'max µs': at(1),
  };
};

const sample = priceCart(input);
console.log(
  `100 lines, 5 promotions (${sample.promotions.applied.map((p) => p.promotionId).join(', ')} applied), ` +
    `grand total ${sample.grandTotal} EUR minor units, ${sample.lines.filter((l) => l.flags.length).length} flagged lines`,
);
console.table([
  measure('priceCart, tax-inclusive (EUR)', () => priceCart(input)),
  measure('priceCart, tax-exclusive', () => priceCart(exclusive)),
  measure('priceCart, no promotions', () => priceCart({ ...input, promotions: [], codes: [] })),
  measure('zod parse + priceCart', () => priceCart(pricingInputSchema.parse(raw)), 5_000),
]);
