import { describe, expect, it } from 'vitest';
import { findTaxRegion } from '#contexts/pricing/domain/rate-table.ts';
import { taxSettingsSchema } from '#contexts/pricing/domain/tax-schemas.ts';
import {
  DEFAULT_TAX_SETTINGS,
  engineTaxSettings,
  putTaxSettingsInput,
  storeTaxSettingsSchema,
  taxSettingsFromItem,
} from '#contexts/pricing/domain/tax-settings.ts';

describe('default tax settings', () => {
  it('are valid settings, and valid engine settings once stripped', () => {
    expect(storeTaxSettingsSchema.safeParse(DEFAULT_TAX_SETTINGS).success).toBe(true);
    expect(taxSettingsSchema.safeParse(engineTaxSettings(DEFAULT_TAX_SETTINGS)).success).toBe(true);
  });

  it('pass the admin input rules (one row per region)', () => {
    const { updatedAt: _, ...input } = DEFAULT_TAX_SETTINGS;
    expect(putTaxSettingsInput.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ country: 'DE' }, { standard: 190_000, reduced: 70_000, zero: 0 }],
    [{ country: 'FR' }, { standard: 200_000, reduced: 55_000, zero: 0 }],
    [{ country: 'IE' }, { standard: 230_000, reduced: 135_000, zero: 0 }],
    [{ country: 'GB' }, { standard: 200_000, reduced: 50_000, zero: 0 }],
    [
      { country: 'US', state: 'CA' },
      { standard: 72_500, reduced: 0, zero: 0 },
    ],
    [
      { country: 'US', state: 'NY' },
      { standard: 40_000, reduced: 0, zero: 0 },
    ],
    [
      { country: 'US', state: 'TX' },
      { standard: 62_500, reduced: 0, zero: 0 },
    ],
    [
      { country: 'US', state: 'OR' },
      { standard: 0, reduced: 0, zero: 0 },
    ],
  ])('tax %o at the expected rates in ppm', (destination, rates) => {
    expect(findTaxRegion(DEFAULT_TAX_SETTINGS.regions, destination)?.rates).toEqual(rates);
  });

  it('include tax in EUR and GBP prices, not in USD, and start at the home country', () => {
    expect(DEFAULT_TAX_SETTINGS.pricesIncludeTax).toEqual({ EUR: true, GBP: true, USD: false });
    expect(DEFAULT_TAX_SETTINGS.defaultDestination).toEqual({ country: 'DE' });
    expect(DEFAULT_TAX_SETTINGS.version).toBe(0);
  });
});

describe('taxSettingsFromItem', () => {
  it('answers the default when nothing was saved', () => {
    expect(taxSettingsFromItem(undefined)).toBe(DEFAULT_TAX_SETTINGS);
  });

  it('answers the saved settings without keys', () => {
    const saved = {
      regions: [{ country: 'NL', rates: { standard: 210_000, reduced: 90_000, zero: 0 } }],
      pricesIncludeTax: { EUR: true },
      shippingTaxClass: 'reduced',
      defaultDestination: { country: 'NL' },
      version: 4,
      updatedAt: '2025-03-01T00:00:00.000Z',
    } as const;
    expect(taxSettingsFromItem({ pk: 'SETTINGS', sk: 'TAX', entity: 'TAX_SETTINGS', ...saved })).toEqual(
      saved,
    );
  });
});

describe('tax settings admin input', () => {
  const base = {
    regions: [
      { country: 'US', rates: { standard: 0, reduced: 0, zero: 0 } },
      { country: 'US', state: 'CA', rates: { standard: 72_500, reduced: 0, zero: 0 } },
    ],
    pricesIncludeTax: { USD: false },
    shippingTaxClass: 'standard',
    defaultDestination: { country: 'US', state: 'CA' },
    version: 2,
  };

  it('accepts a country row beside its state rows', () => {
    expect(putTaxSettingsInput.safeParse(base).success).toBe(true);
  });

  it.each([
    ['a duplicate country row', [...base.regions, base.regions[0]]],
    ['a duplicate state row', [...base.regions, base.regions[1]]],
  ])('rejects %s and names the row', (_, regions) => {
    const result = putTaxSettingsInput.safeParse({ ...base, regions });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['regions', 2]);
  });

  it.each([
    [
      'a rate above 100 %',
      { regions: [{ country: 'DE', rates: { standard: 1_000_001, reduced: 0, zero: 0 } }] },
    ],
    [
      'a percentage instead of ppm',
      { regions: [{ country: 'DE', rates: { standard: 19.5, reduced: 0, zero: 0 } }] },
    ],
    ['a missing version', { version: undefined }],
    ['an unknown tax class for shipping', { shippingTaxClass: 'luxury' }],
    ['an unknown field', { roundPerLine: true }],
  ])('rejects %s', (_, change) => {
    expect(putTaxSettingsInput.safeParse({ ...base, ...change }).success).toBe(false);
  });
});
