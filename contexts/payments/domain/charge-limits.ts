import type { CurrencyCode } from '#platform/money/currencies.ts';
import { AmountTooLargeError, AmountTooSmallError } from './errors.ts';

/**
 * Stripe's largest amount: eight digits of minor units, whatever the currency (so ¥99,999,999 but
 * $999,999.99). https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
 */
export const MAX_CHARGE = 99_999_999;

/**
 * Stripe's smallest charge per currency the store prices in, in minor units (same page). Typed against
 * the currency list, so a new currency does not compile until its minimum is stated. KWD is not in
 * Stripe's table: Stripe then applies the settlement currency's minimum converted (USD 0.50 ≈ KWD 0.154),
 * which moves with the rate; 0.200 stays above it and is a multiple of 10, as Stripe wants of
 * three-decimal amounts. The local Stripe holds the same figures (a unit test compares them).
 */
export const MIN_CHARGE: Readonly<Record<CurrencyCode, number>> = {
  USD: 50,
  EUR: 50,
  GBP: 30,
  JPY: 50,
  KWD: 200,
};

/**
 * Whether an order total can be paid through Stripe: 0 needs no payment (a free order), anything else
 * must lie within Stripe's limits for the currency, or the PaymentIntent would be refused after the
 * stock is held. Throws 422 `amount_too_small` / `amount_too_large`; checked before anything is written.
 */
export const assertPayable = (amount: number, currency: CurrencyCode): void => {
  if (amount === 0) return;
  if (amount < MIN_CHARGE[currency]) throw new AmountTooSmallError(amount, MIN_CHARGE[currency], currency);
  if (amount > MAX_CHARGE) throw new AmountTooLargeError(amount, MAX_CHARGE, currency);
};

/** Whether an order of this total is paid through a PaymentIntent at all (a free order is not). */
export const paymentRequired = (amount: number): boolean => amount > 0;
