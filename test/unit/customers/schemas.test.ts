import { describe, expect, it } from 'vitest';
import { addressIdFor } from '#contexts/customers/data/address-repository.ts';
import {
  addressId,
  createAddressInput,
  updateAddressInput,
  updateProfileInput,
} from '#contexts/customers/domain/schemas.ts';
import { idempotencyKey } from '#platform/http/idempotency-key.ts';

const address = { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', country: 'GB' };

describe('updateProfileInput', () => {
  it('accepts a change with its version and null to clear a field', () => {
    expect(updateProfileInput.parse({ version: 3, givenName: ' Ada ', locale: null })).toEqual({
      version: 3,
      givenName: 'Ada',
      locale: null,
    });
  });

  it.each([
    ['an unknown field', { version: 1, email: 'a@b.c' }],
    ['no version', { givenName: 'Ada' }],
    ['a version of 0', { version: 0, givenName: 'Ada' }],
    ['nothing to change', { version: 1 }],
    ['a given name over 80 characters', { version: 1, givenName: 'a'.repeat(81) }],
    ['a blank given name', { version: 1, givenName: '   ' }],
    ['a phone number that is not E.164', { version: 1, phone: '01632 960961' }],
    ['a phone number over 15 digits', { version: 1, phone: `+1${'2'.repeat(15)}` }],
    ['a malformed locale', { version: 1, locale: 'english' }],
    ['a non-boolean consent', { version: 1, marketingOptIn: 'yes' }],
  ])('rejects %s', (_, body) => {
    expect(updateProfileInput.safeParse(body).success).toBe(false);
  });

  it.each(['en', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'es-419'])('accepts the locale %s', (locale) => {
    expect(updateProfileInput.safeParse({ version: 1, locale }).success).toBe(true);
  });
});

describe('createAddressInput', () => {
  it('fills optional fields with null and flags with false', () => {
    expect(createAddressInput.parse(address)).toEqual({
      ...address,
      line2: null,
      postalCode: null,
      region: null,
      phone: null,
      isDefaultShipping: false,
      isDefaultBilling: false,
    });
  });

  it.each([
    ['an unknown field', { ...address, company: 'ACME' }],
    ['a missing line1', { ...address, line1: undefined }],
    ['a lower-case country', { ...address, country: 'gb' }],
    ['a three-letter country', { ...address, country: 'GBR' }],
    ['a name over 120 characters', { ...address, name: 'n'.repeat(121) }],
    ['a line1 over 200 characters', { ...address, line1: 'l'.repeat(201) }],
    ['a city over 100 characters', { ...address, city: 'c'.repeat(101) }],
    ['a postal code over 20 characters', { ...address, postalCode: 'p'.repeat(21) }],
    ['a version (set by the server)', { ...address, version: 1 }],
  ])('rejects %s', (_, body) => {
    expect(createAddressInput.safeParse(body).success).toBe(false);
  });
});

describe('updateAddressInput', () => {
  it('accepts a single field with its version', () => {
    expect(updateAddressInput.parse({ version: 2, isDefaultBilling: true })).toEqual({
      version: 2,
      isDefaultBilling: true,
    });
  });

  it.each([
    ['no version', { city: 'Bath' }],
    ['nothing to change', { version: 2 }],
    ['an unknown field', { version: 2, id: 'x' }],
    ['clearing a required field', { version: 2, city: null }],
  ])('rejects %s', (_, body) => {
    expect(updateAddressInput.safeParse(body).success).toBe(false);
  });
});

describe('idempotencyKey', () => {
  it.each(['short', 'has space in it', 'k'.repeat(129)])('rejects %s', (key) => {
    expect(idempotencyKey.safeParse(key).success).toBe(false);
  });
});

describe('addressIdFor', () => {
  it('derives one UUID per customer and key', () => {
    const id = addressIdFor('customer-1', 'key-12345');
    expect(addressId.safeParse(id).success).toBe(true);
    expect(addressIdFor('customer-1', 'key-12345')).toBe(id);
    expect(addressIdFor('customer-2', 'key-12345')).not.toBe(id);
    expect(addressIdFor('customer-1', 'key-67890')).not.toBe(id);
  });
});
