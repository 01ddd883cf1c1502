import { z } from 'zod';

/** ISO 4217 code; the currencies the store prices in. */
export const currencyCode = z.enum(['EUR', 'USD', 'GBP', 'JPY', 'KWD']);
export type CurrencyCode = z.infer<typeof currencyCode>;

/**
 * Decimals of each currency's minor unit (ISO 4217 exponent). Typed against the currency list above, so
 * adding a currency fails to compile until its exponent is stated here.
 */
const EXPONENTS: Readonly<Record<CurrencyCode, 0 | 2 | 3>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  JPY: 0,
  KWD: 3,
};

/** How many decimals a currency's minor unit has: JPY 0, EUR 2, KWD 3. */
export const currencyDecimals = (currency: CurrencyCode): 0 | 2 | 3 => EXPONENTS[currency];
