import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { currencyDecimals } from '#platform/money/currencies.ts';
import { formatDecimal, parseDecimal } from '#platform/money/decimal.ts';
import { InvalidDecimalError } from '#platform/money/errors.ts';

describe('decimal money text', () => {
  it.each<[CurrencyCode, 0 | 2 | 3, string, number]>([
    ['JPY', 0, '1200', 1200],
    ['EUR', 2, '19.99', 1999],
    ['EUR', 2, '19.9', 1990],
    ['KWD', 3, '1.005', 1005],
    ['KWD', 3, '0.5', 500],
  ])('reads %s (%i decimals) "%s" as %i minor units', (currency, decimals, text, minor) => {
    expect(currencyDecimals(currency)).toBe(decimals);
    expect(parseDecimal(text, currency)).toBe(minor);
  });

  it.each<[string, CurrencyCode]>([
    ['1.5', 'JPY'],
    ['1.005', 'EUR'],
    ['1.0005', 'KWD'],
    ['-1', 'EUR'],
    ['1e3', 'EUR'],
    ['', 'EUR'],
    ['12.', 'EUR'],
  ])('refuses "%s" in %s instead of rounding it', (text, currency) => {
    expect(() => parseDecimal(text, currency)).toThrow(InvalidDecimalError);
  });

  it.each<[number, CurrencyCode, string]>([
    [1999, 'EUR', '19.99'],
    [5, 'EUR', '0.05'],
    [1200, 'JPY', '1200'],
    [1005, 'KWD', '1.005'],
    [7, 'KWD', '0.007'],
  ])('writes %i %s as "%s"', (minor, currency, text) => {
    expect(formatDecimal(minor, currency)).toBe(text);
  });

  it('round-trips every amount in every currency', () => {
    const currency = fc.constantFrom<CurrencyCode>('EUR', 'USD', 'GBP', 'JPY', 'KWD');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), currency, (minor, c) => {
        expect(parseDecimal(formatDecimal(minor, c), c)).toBe(minor);
      }),
    );
  });
});
