import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#platform/data/cursor.ts';
import { ValidationError } from '#platform/errors/index.ts';

const key = {
  pk: 'PRODUCT#1',
  sk: 'PRODUCT',
  gsi1pk: 'PRODUCTS#active',
  gsi1sk: '2026-01-01T00:00:00.000Z#1',
};
const secret = 'test-secret';

describe('cursor', () => {
  it('round-trips a page key', () => {
    const cursor = encodeCursor(key, secret, 'products:active');
    expect(decodeCursor(cursor, secret, 'products:active')).toEqual(key);
  });

  it('does not reveal the key in readable form', () => {
    expect(encodeCursor(key, secret, 'products:active')).not.toContain('PRODUCT#');
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['an empty signature', `${Buffer.from('{}').toString('base64url')}.`],
    ['an extra segment', 'a.b.c'],
    ['an overlong value', 'x'.repeat(3000)],
  ])('rejects %s with invalid_cursor', (_, cursor) => {
    expect(() => decodeCursor(cursor, secret, 'products:active')).toThrow(ValidationError);
  });

  it('rejects a cursor whose key was changed', () => {
    const [, signature] = encodeCursor(key, secret, 'products:active').split('.');
    const forged = Buffer.from(JSON.stringify({ ...key, gsi1pk: 'PRODUCTS#draft' })).toString('base64url');
    expect(() => decodeCursor(`${forged}.${signature}`, secret, 'products:active')).toThrowError(
      expect.objectContaining({ code: 'invalid_cursor', statusCode: 400 }),
    );
  });

  it('rejects a cursor replayed against another listing or signed with another secret', () => {
    const cursor = encodeCursor(key, secret, 'products:active');
    expect(() => decodeCursor(cursor, secret, 'products:draft')).toThrow(ValidationError);
    expect(() => decodeCursor(cursor, 'other-secret', 'products:active')).toThrow(ValidationError);
  });
});
