import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud.ts';

const shop = 'https://shop.example.com';
const url = (path: string) => `${cloud().apiUrl}${path}`;
const preflight = (path: string, method: string, headers: string) =>
  fetch(url(path), {
    method: 'OPTIONS',
    headers: {
      origin: shop,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });
const corsHeaders = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));

/** A storefront on another origin, as a browser calls the API (the local cloud allows any origin). */
describe('CORS for a browser storefront', () => {
  it('lets a storefront create a cart: the preflight for POST /carts is allowed', async () => {
    const response = await preflight('/carts', 'POST', 'content-type, x-cart-token');

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(corsHeaders(response)).toStrictEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
      'access-control-allow-headers':
        'authorization,content-type,idempotency-key,x-cart-token,x-order-token,x-publishable-api-key',
      'access-control-max-age': '600',
    });
  });

  it('lets a signed-in storefront read /me: the preflight needs no token', async () => {
    const response = await preflight('/me', 'GET', 'authorization');

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('lets the page read a product list', async () => {
    const response = await fetch(url('/products'), { headers: { origin: shop } });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'location,idempotent-replayed,retry-after',
    );
  });

  it('refuses a preflight asking for a header the API does not allow: no CORS header at all', async () => {
    const response = await preflight('/carts', 'POST', 'content-type, stripe-signature');

    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toStrictEqual({});
  });

  it('keeps answering unknown routes with a 404 problem, CORS headers added', async () => {
    const response = await fetch(url('/nowhere'), { headers: { origin: shop } });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
