import { describe, expect, it } from 'vitest';
import type { Cart } from '#contexts/carts/domain/schemas.ts';
import { type OrderRefs, orderFromCart } from '#contexts/orders/domain/from-cart.ts';
import { orderRecord } from '#contexts/orders/domain/schemas.ts';
import { AppError } from '#platform/errors/index.ts';
import { pricedCart, standardShipping } from '../../support/orders.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const refs: OrderRefs = {
  orderId: '7f1c2d9e-0000-4000-8000-000000000001',
  reservationId: 'res-1',
  shippingName: 'Standard',
  tokenHash: 'a'.repeat(64),
};

/** The error `fn` throws (a test fails when it throws nothing). */
const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('orderFromCart', () => {
  it('snapshots every figure the engine priced, pending payment, with a one-entry history', () => {
    const cart = pricedCart({}, now);
    const order = orderFromCart(cart, refs, now);
    expect(orderRecord.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      id: refs.orderId,
      status: 'pending_payment',
      statusHistory: [{ status: 'pending_payment', at: now.toISOString() }],
      cartId: cart.id,
      customerId: null,
      email: 'ada@example.com',
      currency: 'EUR',
      pricesIncludeTax: cart.pricesIncludeTax,
      totals: cart.totals,
      payment: { provider: 'stripe' },
      reservationId: 'res-1',
      tokenHash: refs.tokenHash,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(order.lines).toHaveLength(2);
    expect(order.lines[0]).toEqual({
      id: cart.lines[0]!.id,
      variantId: 'variant-a',
      productId: 'product-1',
      sku: 'SKU-A',
      title: 'Size a',
      productTitle: 'Mug',
      quantity: 2,
      unitPrice: 1000,
      subtotal: 2000,
      discounts: [{ promotionId: 'promo-10', amount: 200 }],
      discountTotal: 200,
      taxClass: 'standard',
      taxRatePpm: cart.lines[0]!.taxRatePpm,
      tax: cart.lines[0]!.tax,
      total: cart.lines[0]!.total,
    });
    expect(order.shipping).toMatchObject({ optionId: 'standard', name: 'Standard', amount: 495 });
    expect(order.promotions).toEqual([
      expect.objectContaining({ promotionId: 'promo-10', type: 'percentage' }),
    ]);
    expect(order.promotionIds).toEqual(['promo-10']);
    expect(order.shippingAddress.city).toBe('Berlin');
  });

  it('keeps no token hash on a customer order and falls back to the customer’s e-mail', () => {
    const cart = pricedCart({ customerId: 'cust-1', email: false }, now);
    const order = orderFromCart(cart, { ...refs, customerEmail: 'me@example.com' }, now);
    expect(order.customerId).toBe('cust-1');
    expect(order.email).toBe('me@example.com');
    expect(order).not.toHaveProperty('tokenHash');
  });

  it.each<[string, () => Cart, string]>([
    ['an empty cart', () => pricedCart({ lines: 0 }, now), 'empty_cart'],
    ['no shipping method', () => pricedCart({ shipping: null }, now), 'shipping_method_required'],
    [
      'a method that does not serve the address',
      () => pricedCart({ shipping: { ...standardShipping, countries: ['FR'] } }, now),
      'shipping_method_required',
    ],
    ['a guest without e-mail', () => pricedCart({ email: false }, now), 'email_required'],
    [
      'a customer with no e-mail on the cart, token or profile',
      () => pricedCart({ customerId: 'cust-1', email: false }, now),
      'email_required',
    ],
  ])('refuses %s with 422 %s', (_, cart, code) => {
    const error = thrown(() => orderFromCart(cart(), refs, now));
    expect(error).toMatchObject({ statusCode: 422, code });
  });

  it('refuses a cart whose lines are excluded for stock alone with 409 out_of_stock, naming the shortfall', () => {
    const error = thrown(() => orderFromCart(pricedCart({ available: 1 }, now), refs, now));
    expect(error).toMatchObject({ statusCode: 409, code: 'out_of_stock' });
    const issues = (error as unknown as { errors: { message: string }[] }).errors;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).toMatch(/available 1$/);
  });

  it('refuses a cart that is already checked out or merged with 409', () => {
    const cart = pricedCart({}, now);
    expect(thrown(() => orderFromCart({ ...cart, status: 'checked_out' }, refs, now))).toMatchObject({
      statusCode: 409,
      code: 'cart_checked_out',
    });
    expect(thrown(() => orderFromCart({ ...cart, status: 'merged' }, refs, now)).code).toBe('cart_merged');
  });

  it('reports the first thing to fix when several block checkout', () => {
    const cart = pricedCart({ shipping: null, email: false, available: 1 }, now);
    // Sold-out lines come first, as the reservation would refuse them (409 out_of_stock).
    expect(thrown(() => orderFromCart(cart, refs, now)).code).toBe('out_of_stock');
  });

  it('does not make a guest order without a token hash', () => {
    const { tokenHash: _none, ...withoutToken } = refs;
    expect(() => orderFromCart(pricedCart({}, now), withoutToken, now)).toThrow(/token hash/);
  });
});
