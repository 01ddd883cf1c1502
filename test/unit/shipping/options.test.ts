import { describe, expect, it } from 'vitest';
import { shippingOptionKeys } from '#contexts/pricing/data/keys.ts';
import {
  engineShippingOption,
  shippingOptionFromItem,
  shippingOptionItem,
} from '#contexts/pricing/data/shipping-items.ts';
import { shippingOptionIdFor } from '#contexts/pricing/data/shipping-repository.ts';
import {
  createShippingOptionInput,
  replaceShippingOptionInput,
} from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { optionsFor } from '#contexts/pricing/domain/shipping-options.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { demoShippingOptions } from '../../../scripts/seed/pricing.ts';

const flatEu: ShippingOption = {
  id: 'flat-eu',
  name: 'Flat EU',
  countries: ['DE', 'FR'],
  rate: { type: 'flat', amounts: { EUR: 490 } },
};
const weightMixed: ShippingOption = {
  id: 'weight',
  name: 'By weight',
  countries: ['DE', 'US'],
  rate: {
    type: 'weight',
    tiers: [
      { upToGrams: 1000, amounts: { EUR: 990 } },
      { upToGrams: 5000, amounts: { EUR: 1490, USD: 1990 } },
    ],
  },
};
const usOnly: ShippingOption = {
  id: 'us',
  name: 'US',
  countries: ['US'],
  rate: { type: 'flat', amounts: { USD: 699 } },
};

describe('optionsFor', () => {
  const all = [flatEu, weightMixed, usOnly];

  it.each([
    ['DE', 'EUR', ['flat-eu', 'weight']],
    ['FR', 'EUR', ['flat-eu']],
    ['US', 'USD', ['weight', 'us']],
    ['US', 'EUR', ['weight']],
    ['DE', 'GBP', []],
    ['JP', 'EUR', []],
  ] as const)('keeps the options serving %s priced in %s', (country, currency, ids) => {
    expect(optionsFor(all, country, currency).map((o) => o.id)).toEqual(ids);
  });

  it('keeps the given order and the caller’s element type', () => {
    const stored = all.map((o, i) => ({ ...o, version: i + 1 }));
    expect(optionsFor(stored, 'DE', 'EUR').map((o) => o.version)).toEqual([1, 2]);
  });
});

describe('shipping option admin input', () => {
  const valid = {
    name: 'Standard',
    countries: ['DE'],
    rate: { type: 'flat', amounts: { EUR: 490 } },
  };

  it('accepts an option without an id, and a slug-like id', () => {
    expect(createShippingOptionInput.safeParse(valid).success).toBe(true);
    expect(createShippingOptionInput.safeParse({ ...valid, id: 'standard-eu' }).success).toBe(true);
  });

  it.each([
    ['an id that is not slug-like', { id: 'Standard EU' }],
    ['an id with a key separator', { id: 'a#b' }],
    ['a country listed twice', { countries: ['DE', 'DE'] }],
    ['a lower-case country', { countries: ['de'] }],
    ['a flat rate without amounts', { rate: { type: 'flat', amounts: {} } }],
    ['a weight band without amounts', { rate: { type: 'weight', tiers: [{ upToGrams: 10, amounts: {} }] } }],
    ['an unknown currency', { rate: { type: 'flat', amounts: { CHF: 100 } } }],
    ['a fractional amount', { rate: { type: 'flat', amounts: { EUR: 4.9 } } }],
    ['an unknown field', { cost: 1 }],
  ])('rejects %s', (_, change) => {
    expect(createShippingOptionInput.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('requires the version on a replacement and refuses an id in the body', () => {
    expect(replaceShippingOptionInput.safeParse({ ...valid, version: 1 }).success).toBe(true);
    expect(replaceShippingOptionInput.safeParse(valid).success).toBe(false);
    expect(replaceShippingOptionInput.safeParse({ ...valid, version: 1, id: 'x' }).success).toBe(false);
  });

  it('accepts every demo option', () => {
    for (const option of demoShippingOptions()) {
      expect(createShippingOptionInput.safeParse(option).success).toBe(true);
    }
  });
});

describe('shipping option items', () => {
  const stored = {
    ...flatEu,
    freeAbove: { EUR: 5000 },
    version: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };

  it('round-trips an option through its item, without keys or the request hash', () => {
    const item = shippingOptionItem(stored, 'hash');
    expect(item).toMatchObject({
      ...shippingOptionKeys.option('flat-eu'),
      ...shippingOptionKeys.list('flat-eu'),
      entity: 'SHIPPING_OPTION',
      requestHash: 'hash',
    });
    expect(shippingOptionFromItem(item)).toEqual(stored);
  });

  it('gives the engine the option without version and timestamps', () => {
    expect(engineShippingOption(stored)).toEqual({ ...flatEu, freeAbove: { EUR: 5000 } });
  });

  it('derives the same UUID-shaped id from the same Idempotency-Key, another from another', () => {
    const id = shippingOptionIdFor('key-12345678');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(shippingOptionIdFor('key-12345678')).toBe(id);
    expect(shippingOptionIdFor('key-87654321')).not.toBe(id);
  });
});
