import { describe, expect, it } from 'vitest';
import { claimValue, stringifyClaims } from '#platform/http/jwt-claims.ts';

describe('claimValue', () => {
  it.each([
    ['abc', 'abc'],
    [1700000000, '1700000000'],
    [true, 'true'],
    [['admin', 'customer'], '[admin customer]'],
    [['admin'], '[admin]'],
    [[], '[]'],
    [{ b: 1, a: 'x' }, 'map[a:x b:1]'],
    [null, '<nil>'],
  ])('prints %j as %s', (value, printed) => {
    expect(claimValue(value)).toBe(printed);
  });
});

describe('stringifyClaims', () => {
  it('turns every claim of an access token into a string', () => {
    expect(
      stringifyClaims({ sub: 's-1', exp: 1700000000, 'cognito:groups': ['admin', 'customer'] }),
    ).toStrictEqual({
      sub: 's-1',
      exp: '1700000000',
      'cognito:groups': '[admin customer]',
    });
  });
});
