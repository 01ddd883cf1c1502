import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { isPreflight, preflightHeaders, responseHeaders, withCors } from '#local/gateway/cors.ts';
import type { CorsDef } from '#platform/definition/types.ts';

const shop: CorsDef = { ...app.cors!, allowOrigins: ['https://shop.example.com', 'http://*'] };
const open: CorsDef = { ...app.cors!, allowOrigins: ['*'] };

const preflight = (origin: string, method: string, requested?: string) => ({
  origin: [origin],
  'access-control-request-method': [method],
  ...(requested === undefined ? {} : { 'access-control-request-headers': [requested] }),
});

describe('gateway CORS', () => {
  it('recognises a preflight only by OPTIONS with Origin and Access-Control-Request-Method', () => {
    expect(isPreflight('OPTIONS', preflight('https://a.example', 'POST'))).toBe(true);
    expect(isPreflight('OPTIONS', { origin: ['https://a.example'] })).toBe(false);
    expect(isPreflight('OPTIONS', { 'access-control-request-method': ['POST'] })).toBe(false);
    expect(isPreflight('POST', preflight('https://a.example', 'POST'))).toBe(false);
  });

  it('allows a listed origin, method and headers, echoing the origin and listing the allow-lists', () => {
    expect(
      preflightHeaders(shop, preflight('https://shop.example.com', 'POST', 'Content-Type, X-Cart-Token')),
    ).toStrictEqual({
      'access-control-allow-origin': 'https://shop.example.com',
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
      'access-control-allow-headers':
        'authorization,content-type,idempotency-key,x-cart-token,x-order-token,x-publishable-api-key',
      'access-control-max-age': '600',
    });
  });

  it('answers * to any origin when every origin is allowed', () => {
    expect(preflightHeaders(open, preflight('https://anyone.example', 'GET'))).toMatchObject({
      'access-control-allow-origin': '*',
    });
  });

  it('takes http://* as any origin of that scheme', () => {
    expect(preflightHeaders(shop, preflight('http://localhost:5173', 'GET'))).toBeDefined();
    expect(preflightHeaders(shop, preflight('https://evil.example', 'GET'))).toBeUndefined();
  });

  it.each([
    ['an unlisted origin', preflight('https://evil.example', 'POST')],
    ['an unlisted method', preflight('https://shop.example.com', 'TRACE')],
    ['an unlisted header', preflight('https://shop.example.com', 'POST', 'content-type, x-debug')],
    [
      'stripe-signature (server to server only)',
      preflight('https://shop.example.com', 'POST', 'stripe-signature'),
    ],
  ])('refuses a preflight with %s', (_, headers) => {
    expect(preflightHeaders(shop, headers)).toBeUndefined();
  });

  it('adds the allowed origin and exposed headers to an actual response, nothing for other origins', () => {
    expect(responseHeaders(shop, { origin: ['https://shop.example.com'] })).toStrictEqual({
      'access-control-allow-origin': 'https://shop.example.com',
      'access-control-expose-headers': 'location,idempotent-replayed,retry-after',
    });
    expect(responseHeaders(shop, { origin: ['https://evil.example'] })).toBeUndefined();
    expect(responseHeaders(shop, {})).toBeUndefined();
  });

  it("replaces the integration's own CORS headers with the configured ones", () => {
    const response = {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': 'https://evil.example' },
      body: Buffer.from('{}'),
    };
    expect(withCors(response, shop, 'GET', { origin: ['https://shop.example.com'] }).headers).toStrictEqual({
      'content-type': 'application/json',
      'access-control-allow-origin': 'https://shop.example.com',
      'access-control-expose-headers': 'location,idempotent-replayed,retry-after',
    });
    expect(withCors(response, shop, 'GET', {}).headers).toStrictEqual({ 'content-type': 'application/json' });
  });
});
