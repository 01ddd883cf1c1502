import { describe, expect, it } from 'vitest';
import { displayAmount } from '#local/stripe/amounts.ts';

describe('displayAmount', () => {
  it.each([
    [2000, 'usd', '$20.00'],
    [1000, 'eur', '€10.00'],
    [9390, 'GBP', '£93.90'],
    [0, 'usd', '$0.00'],
    // Yen has no minor unit: 1000 is a thousand yen, not ten.
    [1000, 'jpy', '¥1,000'],
  ])('writes %i %s as %s', (minorUnits, currency, written) => {
    expect(displayAmount(minorUnits, currency)).toBe(written);
  });
});
