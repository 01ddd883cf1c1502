import { assertAmount } from './arithmetic.ts';
import { type CurrencyCode, currencyDecimals } from './currencies.ts';
import { InvalidDecimalError } from './errors.ts';

const DECIMAL = /^(\d{1,16})(?:\.(\d{1,3}))?$/;

/**
 * Reads a plain decimal text ("12.5", "1200", "0.125") as minor units of `currency`, without ever
 * going through a float. More decimals than the currency has ("1.5" JPY, "1.005" EUR) is an error,
 * never a silent rounding.
 */
export const parseDecimal = (text: string, currency: CurrencyCode): number => {
  const decimals = currencyDecimals(currency);
  const match = DECIMAL.exec(text);
  const fraction = match?.[2] ?? '';
  if (!match || fraction.length > decimals) throw new InvalidDecimalError(text, currency, decimals);
  const digits = `${match[1]}${fraction.padEnd(decimals, '0')}`;
  return assertAmount(Number(digits));
};

/** Writes minor units as a plain decimal text with the currency's decimals: 1999 EUR → "19.99". */
export const formatDecimal = (amount: number, currency: CurrencyCode): string => {
  const decimals = currencyDecimals(currency);
  const digits = String(assertAmount(amount));
  if (decimals === 0) return digits;
  const padded = digits.padStart(decimals + 1, '0');
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
};
