import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import type { Issuer } from '#local/auth/index.ts';
import * as gateway from '#local/gateway/index.ts';
import type { RouteDef } from '#platform/definition/types.ts';
import { accountId, region, startIssuer } from './harness.ts';

let issuer: Issuer;
const calls: string[] = [];
const gateways: gateway.Gateway[] = [];
let withDefault: gateway.Gateway;
let withoutDefault: gateway.Gateway;

const cors = { ...app.cors!, allowOrigins: ['https://shop.example.com'] };
const shop = 'https://shop.example.com';

beforeAll(async () => {
  const started = await startIssuer();
  issuer = started.issuer;
  const start = async (routes: ReadonlyArray<RouteDef>) => {
    const api = await gateway.start({
      routes,
      cors,
      auth: started.authorizer,
      region,
      accountId,
      invoke: async (functionName, event) => {
        calls.push(functionName);
        const preflight = (event as { requestContext: { http: { method: string } } }).requestContext.http
          .method;
        // Functions that set their own CORS headers: API Gateway replaces them.
        return preflight === 'OPTIONS'
          ? { statusCode: 204, headers: { 'access-control-allow-origin': 'https://evil.example' } }
          : { statusCode: 200, headers: { 'access-control-allow-origin': '*', location: '/x' }, body: '{}' };
      },
    });
    gateways.push(api);
    return api;
  };
  withDefault = await start(app.routes);
  withoutDefault = await start(app.routes.filter((r) => r.path !== '$default'));
});

afterAll(async () => {
  await Promise.all([...gateways.map((g) => g.stop()), issuer?.stop()]);
});

const preflight = (url: string, headers: Record<string, string>) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin: shop, 'access-control-request-method': 'POST', ...headers },
  });

describe('local gateway CORS', () => {
  it('answers a preflight no route takes itself, without invoking a function', async () => {
    const before = calls.length;
    const response = await preflight(`${withoutDefault.url}/carts`, {
      'access-control-request-headers': 'content-type,x-cart-token',
    });

    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': shop,
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
      'access-control-allow-headers': expect.stringContaining('x-cart-token'),
      'access-control-max-age': '600',
    });
    expect(calls.length).toBe(before);
  });

  it('refuses a preflight for a header not allowed: 204 without any CORS header', async () => {
    const response = await preflight(`${withoutDefault.url}/carts`, {
      'access-control-request-headers': 'x-debug',
    });

    expect(response.status).toBe(204);
    expect([...response.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('sends a preflight to $default when the API has one, as API Gateway routes first', async () => {
    const before = calls.length;
    const response = await preflight(`${withDefault.url}/carts`, {
      'access-control-request-headers': 'content-type',
    });

    expect(calls.slice(before)).toEqual(['system']);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(shop);
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('answers an OPTIONS that is not a preflight like any other unrouted request', async () => {
    const response = await fetch(`${withoutDefault.url}/carts`, { method: 'OPTIONS' });
    expect(response.status).toBe(404);
  });

  it("adds the configured headers to a function's response, replacing the function's own", async () => {
    const response = await fetch(`${withDefault.url}/products`, { headers: { origin: shop } });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(shop);
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'location,idempotent-replayed,retry-after',
    );
  });

  it('adds no CORS header for an origin not allowed, and drops the function’s', async () => {
    const response = await fetch(`${withDefault.url}/products`, {
      headers: { origin: 'https://evil.example' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
