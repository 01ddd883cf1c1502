import { describe, expect, it } from 'vitest';
import { cartCaller, ownsCart } from '#contexts/carts/domain/cart-caller.ts';
import { chooseShippingOption, newCart, setShippingAddress } from '#contexts/carts/domain/changes.ts';
import { enterCode, refuseUnusableCode } from '#contexts/carts/domain/promotion-codes.ts';
import { MAX_CART_CODES } from '#contexts/carts/domain/schemas.ts';
import { hashCartToken } from '#contexts/carts/domain/token.ts';
import type { RejectionReason } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import type { CartTotals } from '#contexts/pricing/domain/totals-schemas.ts';
import { germanAddress } from '../../support/orders.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const guest = () => newCart({ currency: 'EUR', tokenHash: hashCartToken('t'), now });
const parcel: ShippingOption = {
  id: 'parcel',
  name: 'Parcel',
  countries: ['DE'],
  rate: { type: 'flat', amounts: { EUR: 500 } },
};
/** Totals whose only part that matters here is a code the engine rejected. */
const rejecting = (code: string, reason: RejectionReason) =>
  ({ promotions: { applied: [], rejected: [{ code, reason }] } }) as unknown as CartTotals;

describe('the cart caller', () => {
  it.each([
    [undefined, undefined, {}],
    [undefined, 't', { token: 't' }],
    [{ sub: 'c-1' }, undefined, { customerId: 'c-1' }],
    [{ sub: 'c-1' }, 't', { customerId: 'c-1', token: 't' }],
    [undefined, '', {}],
  ])('is the verified customer and the X-Cart-Token presented (%#)', (caller, token, expected) => {
    expect(cartCaller(caller, token)).toEqual(expected);
  });

  it('owns a guest cart by its token and a customer cart by the customer alone', () => {
    const cart = guest();
    expect(ownsCart(cart, { token: 't' })).toBe(true);
    expect(ownsCart(cart, { token: 'u' })).toBe(false);
    const mine = newCart({ currency: 'EUR', customerId: 'c-1', now });
    expect(ownsCart(mine, { customerId: 'c-1' })).toBe(true);
    expect(ownsCart(mine, { customerId: 'c-2', token: 't' })).toBe(false);
  });
});

describe('choosing a shipping option', () => {
  it('needs an address the option serves, in the cart’s currency', () => {
    expect(() => chooseShippingOption(guest(), parcel)).toThrowError(
      expect.objectContaining({ code: 'shipping_address_required' }),
    );
    const addressed = setShippingAddress(guest(), germanAddress);
    expect(chooseShippingOption(addressed, parcel).shippingOptionId).toBe('parcel');
    const usdOnly = { ...parcel, rate: { type: 'flat' as const, amounts: { USD: 500 } } };
    expect(() => chooseShippingOption(addressed, usdOnly)).toThrowError(
      expect.objectContaining({ code: 'shipping_option_unavailable' }),
    );
    const france = setShippingAddress(guest(), { ...germanAddress, country: 'FR' });
    expect(() => chooseShippingOption(france, parcel)).toThrowError(
      expect.objectContaining({ code: 'shipping_option_unavailable' }),
    );
  });
});

describe('entering a promotion code', () => {
  it('refuses a code that names no promotion, and keeps one that does', () => {
    expect(() => enterCode(guest(), 'NOPE', undefined)).toThrowError(
      expect.objectContaining({ statusCode: 422, code: 'promotion_code_unknown' }),
    );
    expect(enterCode(guest(), 'TEN', 'p-1').codes).toEqual([{ code: 'TEN', promotionId: 'p-1' }]);
  });

  it('answers a full cart the same for a code that names a promotion and one that names nothing', () => {
    const codes = Array.from({ length: MAX_CART_CODES }, (_, i) => `C${i}`);
    const full = codes.reduce((cart, code) => enterCode(cart, code, `p-${code}`), guest());
    for (const promotionId of ['p-1', undefined])
      expect(() => enterCode(full, 'TEN', promotionId)).toThrowError(
        expect.objectContaining({ statusCode: 422, code: 'too_many_codes' }),
      );
  });

  it.each(['not_started', 'expired', 'exhausted', 'unknown_code'] as const)(
    'refuses a code the engine rejects as %s exactly like a code that names nothing',
    (reason) => {
      const refusal = (() => {
        try {
          refuseUnusableCode(rejecting('TEN', reason), 'TEN');
        } catch (error) {
          return JSON.stringify(error);
        }
      })();
      const unknown = (() => {
        try {
          enterCode(guest(), 'TEN', undefined);
        } catch (error) {
          return JSON.stringify(error);
        }
      })();
      expect(refusal).toBeDefined();
      expect(refusal).toBe(unknown);
      expect(JSON.parse(refusal!)).toMatchObject({ status: 422, code: 'promotion_code_unknown' });
    },
  );

  it.each(['sign_in_required', 'first_order_only', 'customer_limit_reached'] as const)(
    'refuses a live code the engine rejects as %s with the reason, which tells the shopper what to do',
    (reason) => {
      expect(() => refuseUnusableCode(rejecting('TEN', reason), 'TEN')).toThrowError(
        expect.objectContaining({ statusCode: 422, code: `promotion_${reason}` }),
      );
    },
  );

  it.each(['minimum_not_met', 'no_matching_items', 'not_combinable', 'no_benefit'] as const)(
    'keeps a code rejected as %s, as it may apply later',
    (reason) => {
      expect(() => refuseUnusableCode(rejecting('TEN', reason), 'TEN')).not.toThrow();
    },
  );
});
