import { describe, expect, it } from 'vitest';
import {
  addablePrice,
  addCode,
  addLine,
  assertOpen,
  newCart,
  removeCode,
  setQuantity,
  touched,
} from '#contexts/carts/domain/changes.ts';
import { merge } from '#contexts/carts/domain/claim.ts';
import type { CatalogVariant } from '#contexts/carts/domain/pricing-snapshot.ts';
import { cartTokenMatches, hashCartToken, newCartToken } from '#contexts/carts/domain/token.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const variant = (id: string, status: 'active' | 'draft' | 'archived' = 'active'): CatalogVariant => ({
  id,
  sku: id.toUpperCase(),
  title: id,
  options: {},
  prices: { EUR: 1000 },
  productId: `p-${id}`,
  product: { title: 'P', slug: 'p', status, categoryIds: [] },
});
const guest = () => newCart({ currency: 'EUR', tokenHash: hashCartToken('t'), now });

describe('cart changes', () => {
  it('adds units of a variant already in the cart to its line, at today’s price', () => {
    const once = addLine(guest(), variant('a'), 2, 1000, now);
    const twice = addLine(once, variant('a'), 3, 1100, now);
    expect(twice.lines).toEqual([
      expect.objectContaining({ variantId: 'a', quantity: 5, unitPriceWhenAdded: 1100 }),
    ]);
  });

  it('refuses a line above 999 units and a 101st line', () => {
    const big = addLine(guest(), variant('a'), 999, 1000, now);
    expect(() => addLine(big, variant('a'), 1, 1000, now)).toThrowError(
      expect.objectContaining({ statusCode: 400 }),
    );
    let full = guest();
    for (let i = 0; i < 100; i++) full = addLine(full, variant(`v${i}`), 1, 1000, now);
    expect(() => addLine(full, variant('x'), 1, 1000, now)).toThrowError(
      expect.objectContaining({ code: 'cart_full' }),
    );
  });

  it.each([
    [undefined, 404, 'variant_not_found'],
    [variant('d', 'draft'), 404, 'variant_not_found'],
    [variant('z', 'archived'), 422, 'variant_unavailable'],
  ] as const)('refuses to add %#', (v, statusCode, code) => {
    expect(() => addablePrice(v, 'EUR', now)).toThrowError(expect.objectContaining({ statusCode, code }));
  });

  it('refuses a variant without a price in the cart’s currency', () => {
    expect(() => addablePrice(variant('a'), 'USD', now)).toThrowError(
      expect.objectContaining({ code: 'currency_not_priced' }),
    );
    expect(addablePrice(variant('a'), 'EUR', now)).toBe(1000);
  });

  it('counts versions, refreshes the lifetime (7 days guest, 30 customer) and clears abandonment', () => {
    const later = new Date(now.getTime() + 3_600_000);
    const next = touched({ ...guest(), abandonedAt: now.toISOString() }, later);
    expect(next).toMatchObject({
      version: 2,
      updatedAt: later.toISOString(),
      expiresAt: later.getTime() / 1000 + 7 * 86_400,
    });
    expect(next.abandonedAt).toBeUndefined();
    const mine = newCart({ currency: 'EUR', customerId: 'c1', now });
    expect(mine.expiresAt).toBe(now.getTime() / 1000 + 30 * 86_400);
    expect(mine.tokenHash).toBeUndefined();
  });

  it('keeps codes unique, at most five, and refuses removing one not entered', () => {
    let cart = guest();
    for (const code of ['AAA', 'BBB', 'AAA', 'CCC', 'DDD', 'EEE'])
      cart = addCode(cart, { code, promotionId: code });
    expect(cart.codes.map((c) => c.code)).toEqual(['AAA', 'BBB', 'CCC', 'DDD', 'EEE']);
    expect(() => addCode(cart, { code: 'FFF', promotionId: 'f' })).toThrowError(
      expect.objectContaining({ code: 'too_many_codes' }),
    );
    expect(() => removeCode(cart, 'ZZZ')).toThrowError(
      expect.objectContaining({ code: 'promotion_code_not_in_cart' }),
    );
    expect(() => setQuantity(cart, 'nope', 1)).toThrowError(
      expect.objectContaining({ code: 'line_not_found' }),
    );
  });

  it('refuses changes once checked out or merged', () => {
    expect(() => assertOpen({ ...guest(), status: 'checked_out' })).toThrowError(
      expect.objectContaining({ code: 'cart_checked_out' }),
    );
    expect(() => assertOpen({ ...guest(), status: 'merged' })).toThrowError(
      expect.objectContaining({ code: 'cart_merged' }),
    );
  });
});

describe('claim merge', () => {
  it('adds quantities of shared variants (capped), appends the rest, keeps the customer’s details and closes the guest cart', () => {
    const mine = addLine(
      newCart({ currency: 'EUR', customerId: 'c1', email: 'me@example.com', now }),
      variant('a'),
      998,
      1000,
      now,
    );
    const theirs = addCode(
      addLine(
        addLine({ ...guest(), email: 'guest@example.com' }, variant('a'), 5, 1000, now),
        variant('b'),
        1,
        1000,
        now,
      ),
      {
        code: 'WELCOME',
        promotionId: 'w',
      },
    );
    const { target, guest: closed } = merge(mine, theirs, now);
    expect(target.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      ['a', 999],
      ['b', 1],
    ]);
    expect(target).toMatchObject({
      email: 'me@example.com',
      codes: [{ code: 'WELCOME', promotionId: 'w' }],
      version: 2,
    });
    expect(closed).toMatchObject({ status: 'merged', mergedInto: mine.id, version: 2 });
  });
});

describe('cart tokens', () => {
  it('stores only a hash and matches the token in constant time', () => {
    const token = newCartToken();
    const hash = hashCartToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(cartTokenMatches(token, hash)).toBe(true);
    expect(cartTokenMatches(`${token}x`, hash)).toBe(false);
    expect(cartTokenMatches(undefined, hash)).toBe(false);
    expect(cartTokenMatches(token, undefined)).toBe(false);
  });
});
