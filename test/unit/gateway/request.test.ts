import { describe, expect, it } from 'vitest';
import { newRequestId, splitTarget } from '#local/gateway/request.ts';

describe('splitTarget', () => {
  it.each([
    ['/products?x=1', '/products', 'x=1'],
    ['/capture/space%20value', '/capture/space value', ''],
    ['/a%2Fb?q=%2F', '/a/b', 'q=%2F'],
    ['/unicode-%CE%BB', '/unicode-λ', ''],
    ['/bad%zz', '/bad%zz', ''],
    ['/?', '/', ''],
  ])('splits %s into a decoded rawPath and a raw query string', (target, rawPath, rawQueryString) => {
    expect(splitTarget(target)).toStrictEqual({ rawPath, rawQueryString });
  });
});

describe('newRequestId', () => {
  it('looks like an API Gateway request id (16 base64 characters, one padding)', () => {
    expect(newRequestId()).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });
});
