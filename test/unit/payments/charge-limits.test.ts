import { describe, expect, it } from 'vitest';
import {
  assertPayable,
  MAX_CHARGE,
  MIN_CHARGE,
  paymentRequired,
} from '#contexts/payments/domain/charge-limits.ts';
import { MINIMUM_CHARGES } from '#local/stripe/amounts.ts';
import { currencyCode } from '#platform/money/currencies.ts';

const refusal = (amount: number, currency: (typeof currencyCode.options)[number]) => {
  try {
    assertPayable(amount, currency);
    return undefined;
  } catch (error) {
    return error as { statusCode: number; code: string; message: string };
  }
};

describe('charge limits', () => {
  it.each(currencyCode.options)('accepts %s totals from Stripe’s minimum to its maximum', (currency) => {
    expect(refusal(MIN_CHARGE[currency], currency)).toBeUndefined();
    expect(refusal(MAX_CHARGE, currency)).toBeUndefined();
  });

  it.each(currencyCode.options)('accepts a %s total of 0: it needs no payment', (currency) => {
    expect(refusal(0, currency)).toBeUndefined();
    expect(paymentRequired(0)).toBe(false);
    expect(paymentRequired(1)).toBe(true);
  });

  it.each(currencyCode.options)(
    'refuses a %s total below Stripe’s minimum with 422 amount_too_small',
    (currency) => {
      expect(refusal(MIN_CHARGE[currency] - 1, currency)).toMatchObject({
        statusCode: 422,
        code: 'amount_too_small',
      });
      expect(refusal(1, currency)).toMatchObject({ code: 'amount_too_small' });
    },
  );

  it.each(currencyCode.options)(
    'refuses a %s total above Stripe’s maximum with 422 amount_too_large',
    (currency) => {
      expect(refusal(MAX_CHARGE + 1, currency)).toMatchObject({ statusCode: 422, code: 'amount_too_large' });
    },
  );

  it('states the minimum in the currency’s own decimals', () => {
    expect(refusal(30, 'EUR')?.message).toContain('0.30 EUR');
    expect(refusal(30, 'EUR')?.message).toContain('0.50 EUR');
    expect(refusal(20, 'JPY')?.message).toContain('(50 JPY)');
    expect(refusal(150, 'KWD')?.message).toContain('0.200 KWD');
  });

  it('holds Stripe’s documented minimums: USD and EUR 0.50, GBP 0.30, JPY 50', () => {
    expect(MIN_CHARGE).toMatchObject({ USD: 50, EUR: 50, GBP: 30, JPY: 50 });
  });

  it.each(currencyCode.options)('agrees with the local Stripe on the %s minimum', (currency) => {
    expect(MINIMUM_CHARGES[currency.toLowerCase()]).toBe(MIN_CHARGE[currency]);
  });
});
