import { describe, expect, it } from 'vitest';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { input, line, promo } from './fixtures.ts';

const twoLines = [
  line({ variantId: 'shirt', productId: 'p-shirt', categoryIds: ['shirts'], unitPrice: 3000 }),
  line({ variantId: 'cap', productId: 'p-cap', categoryIds: ['hats'], unitPrice: 1000 }),
];

describe('promotions', () => {
  it('applies a percentage to the targeted lines only and allocates it per line', () => {
    const p = promo({
      id: 'hats-10',
      type: 'percentage',
      percentBps: 1000,
      conditions: { categoryIds: ['hats'] },
    });
    const totals = priceCart(input({ lines: twoLines, promotions: [p] }));
    expect(totals.lines.map((l) => l.discounts)).toEqual([[], [{ promotionId: 'hats-10', amount: 100 }]]);
    expect(totals.promotions.applied).toEqual([{ promotionId: 'hats-10', type: 'percentage', amount: 100 }]);
    expect(totals.discountTotal).toBe(100);
  });

  it('spreads a fixed amount across lines by largest remainder so the parts sum exactly', () => {
    const p = promo({ id: 'ten-off', type: 'fixed_amount', amounts: { EUR: 1000 } });
    const lines = [0, 1, 2].map((i) => line({ variantId: `v${i}`, unitPrice: 1000 }));
    const totals = priceCart(input({ lines, promotions: [p] }));
    expect(totals.lines.map((l) => l.discountTotal)).toEqual([334, 333, 333]);
    expect(totals.discountTotal).toBe(1000);
  });

  it('caps a fixed amount at what the targeted lines cost', () => {
    const p = promo({ type: 'fixed_amount', amounts: { EUR: 99_999 } });
    const totals = priceCart(input({ promotions: [p], shippingOption: null }));
    expect(totals).toMatchObject({ discountTotal: 1000, taxTotal: 0, grandTotal: 0 });
  });

  it('makes the cheapest unit of each buy-2-get-1 group free', () => {
    const p = promo({ type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercentBps: 10_000 });
    const lines = [
      line({ variantId: 'dear', unitPrice: 3000, quantity: 2 }),
      line({ variantId: 'mid', unitPrice: 2000, quantity: 2 }),
      line({ variantId: 'cheap', unitPrice: 500, quantity: 2 }),
    ];
    // Line-up 3000 3000 | 2000 2000 | 500 500 → groups (3000 3000 2000) (2000 500 500): one 2000, one 500 free.
    const totals = priceCart(input({ lines, promotions: [p] }));
    expect(totals.lines.map((l) => l.discountTotal)).toEqual([0, 2000, 500]);
  });

  it('honours maxApplications on buy X get Y', () => {
    const p = promo({
      type: 'buy_x_get_y',
      buyQuantity: 1,
      getQuantity: 1,
      getPercentBps: 5000,
      maxApplications: 1,
    });
    const totals = priceCart(input({ lines: [line({ unitPrice: 1000, quantity: 6 })], promotions: [p] }));
    expect(totals.discountTotal).toBe(500);
  });

  it('waives shipping with free shipping and counts it as a discount', () => {
    const p = promo({ id: 'ship', type: 'free_shipping' });
    const totals = priceCart(input({ promotions: [p] }));
    expect(totals).toMatchObject({
      shippingTotal: 495,
      discountTotal: 495,
      shipping: { status: 'ok', amount: 495, discount: 495, tax: 0, total: 0 },
      promotions: { applied: [{ promotionId: 'ship', amount: 495 }] },
    });
  });

  it('stacks combinable promotions: percentage first, then the fixed amount on what is left', () => {
    const pct = promo({ id: 'pct', type: 'percentage', percentBps: 1000 });
    const fixed = promo({ id: 'fixed', type: 'fixed_amount', amounts: { EUR: 500 } });
    const totals = priceCart(input({ lines: twoLines, promotions: [fixed, pct] }));
    expect(totals.promotions.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['fixed', 500],
      ['pct', 400],
    ]);
    expect(totals.discountTotal).toBe(900);
  });

  it('chooses the best deal among non-combinable promotions and says why the others lost', () => {
    const small = promo({ id: 'small', combinable: false, type: 'percentage', percentBps: 500 });
    const big = promo({ id: 'big', combinable: false, type: 'fixed_amount', amounts: { EUR: 800 } });
    const stack = promo({ id: 'stack', type: 'percentage', percentBps: 1000 });
    const totals = priceCart(input({ lines: twoLines, promotions: [small, big, stack] }));
    expect(totals.promotions.applied.map((a) => a.promotionId)).toEqual(['big']);
    expect(totals.promotions.rejected).toEqual([
      { promotionId: 'small', reason: 'not_combinable' },
      { promotionId: 'stack', reason: 'not_combinable' },
    ]);
  });

  it('applies a code promotion only when its code is entered, case-insensitively, and reports unknown codes', () => {
    const p = promo({ id: 'coded', code: 'SUMMER10', type: 'percentage', percentBps: 1000 });
    expect(priceCart(input({ promotions: [p] })).promotions).toEqual({ applied: [], rejected: [] });
    const codes = ['summer10', 'NOPE'].map((c) => c.toUpperCase());
    const totals = priceCart(input({ promotions: [p], codes }));
    expect(totals.promotions.applied).toEqual([
      { promotionId: 'coded', code: 'SUMMER10', type: 'percentage', amount: 100 },
    ]);
    expect(totals.promotions.rejected).toEqual([{ code: 'NOPE', reason: 'unknown_code' }]);
  });

  it.each([
    ['not_started', { startsAt: '2026-07-01T00:00:00.000Z' }, {}],
    ['expired', { endsAt: '2026-06-15T12:00:00.000Z' }, {}],
    ['exhausted', { usageLimit: 100 }, { usage: { promo: { total: 100, customer: 0 } } }],
    ['customer_limit_reached', { perCustomerLimit: 1 }, { usage: { promo: { total: 5, customer: 1 } } }],
    ['sign_in_required', { perCustomerLimit: 1 }, { customer: { signedIn: false, firstOrder: false } }],
    [
      'sign_in_required',
      { conditions: { customer: 'signed_in' } },
      { customer: { signedIn: false, firstOrder: true } },
    ],
    ['first_order_only', { conditions: { customer: 'first_order' } }, {}],
    ['minimum_not_met', { conditions: { minimumSubtotal: { EUR: 1001 } } }, {}],
    ['currency_not_supported', { conditions: { minimumSubtotal: { USD: 1 } } }, {}],
    ['no_matching_items', { conditions: { productIds: ['other'] } }, {}],
  ] as const)('rejects with %s', (reason, fields, overrides) => {
    const p = promo({ type: 'percentage', percentBps: 1000, ...fields });
    const totals = priceCart(input({ promotions: [p], ...overrides }));
    expect(totals.promotions).toEqual({ applied: [], rejected: [{ promotionId: 'promo', reason }] });
    expect(totals.discountTotal).toBe(0);
  });

  it('accepts a promotion at the edges of its window and limits', () => {
    const p = promo({
      type: 'percentage',
      percentBps: 1000,
      startsAt: '2026-06-15T12:00:00.000Z',
      usageLimit: 100,
      perCustomerLimit: 2,
      conditions: { minimumSubtotal: { EUR: 1000 }, customer: 'first_order' },
    });
    const totals = priceCart(
      input({
        promotions: [p],
        usage: { promo: { total: 99, customer: 1 } },
        customer: { signedIn: true, firstOrder: true },
      }),
    );
    expect(totals.promotions.applied).toHaveLength(1);
  });

  it('rejects a fixed amount without an amount in the cart currency', () => {
    const p = promo({ type: 'fixed_amount', amounts: { USD: 500 } });
    expect(priceCart(input({ promotions: [p] })).promotions.rejected).toEqual([
      { promotionId: 'promo', reason: 'currency_not_supported' },
    ]);
  });

  it('drops a discount that would cost the shopper the free-shipping threshold (no_benefit)', () => {
    // 50.00 reaches free shipping (5000); 1 % off takes it to 49.50 and adds 4.95 shipping.
    const p = promo({ type: 'percentage', percentBps: 100 });
    const totals = priceCart(input({ lines: [line({ unitPrice: 5000 })], promotions: [p] }));
    expect(totals.promotions).toEqual({
      applied: [],
      rejected: [{ promotionId: 'promo', reason: 'no_benefit' }],
    });
    expect(totals.shippingTotal).toBe(0);
  });
});

describe('promotions limited to customer groups', () => {
  const vipOnly = promo({
    id: 'vip-10',
    type: 'percentage',
    percentBps: 1000,
    conditions: { customerGroupIds: ['vip'] },
  });
  const vipCode = promo({ ...vipOnly, id: 'vip-code', code: 'VIP10' });

  it('applies to a customer in one of the groups', () => {
    const totals = priceCart(
      input({ promotions: [vipOnly], customer: { signedIn: true, firstOrder: false, groupIds: ['vip'] } }),
    );
    expect(totals.promotions.applied.map((p) => p.promotionId)).toEqual(['vip-10']);
  });

  it('leaves an automatic group promotion out of the answer for anyone else', () => {
    const totals = priceCart(
      input({ promotions: [vipOnly], customer: { signedIn: false, firstOrder: false } }),
    );
    expect(totals.promotions).toEqual({ applied: [], rejected: [] });
  });

  it('refuses an entered group code as unknown, revealing nothing more', () => {
    const totals = priceCart(
      input({
        promotions: [vipCode],
        codes: ['VIP10'],
        customer: { signedIn: true, firstOrder: false, groupIds: ['b2b'] },
      }),
    );
    expect(totals.promotions.rejected).toEqual([{ code: 'VIP10', reason: 'unknown_code' }]);
  });
});
