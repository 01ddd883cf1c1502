import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import type { Issuer } from '#local/auth/index.ts';
import * as gateway from '#local/gateway/index.ts';
import { FunctionError } from '#local/lambda/types.ts';
import { accountId, echo, echoed, type GatewayUnderTest, startGateway, startIssuer } from './harness.ts';

let issuer: Issuer;
let api: GatewayUnderTest;
let withoutDefault: GatewayUnderTest;

beforeAll(async () => {
  const started = await startIssuer();
  issuer = started.issuer;
  api = await startGateway(started.authorizer);
  withoutDefault = await startGateway(
    started.authorizer,
    app.routes.filter((r) => r.path !== '$default'),
  );
});

afterEach(() => api.behave(echo));

afterAll(async () => {
  await Promise.all([api?.stop(), withoutDefault?.stop(), issuer?.stop()]);
});

describe('local gateway requests', () => {
  it('gives a public route the payload 2.0 event with path and query parameters, and no authorizer', async () => {
    const response = await fetch(`${api.url}/products/p%201?tag=a&tag=b&q=red+shoe`, {
      headers: { cookie: 'session=abc; theme=dark', 'x-probe': 'one' },
    });

    expect(response.status).toBe(200);
    const { functionName, event } = await echoed(response);
    expect(functionName).toBe('catalogStore');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /products/{productId}',
      rawPath: '/products/p 1',
      rawQueryString: 'tag=a&tag=b&q=red+shoe',
      cookies: ['session=abc', 'theme=dark'],
      pathParameters: { productId: 'p 1' },
      queryStringParameters: { tag: 'a,b', q: 'red shoe' },
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'x-probe': 'one', 'x-forwarded-proto': 'http' });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('stageVariables');
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.requestContext).toMatchObject({
      accountId,
      apiId: 'testapi001',
      routeKey: 'GET /products/{productId}',
      stage: '$default',
      domainName: new URL(api.url).host,
      http: { method: 'GET', path: '/products/p 1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
    });
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
  });

  it('sends unmatched paths and methods to the $default route', async () => {
    for (const [method, path] of [
      ['GET', '/no/such/thing'],
      ['POST', '/products'],
      ['HEAD', '/health'],
    ] as const) {
      const before = api.calls.length;
      const response = await fetch(`${api.url}${path}`, { method });

      expect(response.status).toBe(200);
      expect(api.calls[before]).toMatchObject({ functionName: 'system', event: { routeKey: '$default' } });
      expect(api.calls[before]?.event).not.toHaveProperty('pathParameters');
    }
  });

  it('answers an unknown route with API Gateway’s 404 when the API has no $default route', async () => {
    const response = await fetch(`${withoutDefault.url}/no/such/thing`);

    expect(response.status).toBe(404);
    expect(response.headers.get('apigw-requestid')).not.toBeNull();
    expect(await response.text()).toBe('{"message":"Not Found"}');
    expect(withoutDefault.calls).toHaveLength(0);
  });

  it('passes a binary body base64-encoded', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);

    const response = await fetch(`${api.url}/anything`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });

    const { event } = await echoed(response);
    expect(event).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
    expect(event.headers['content-length']).toBe('5');
  });

  it('refuses a body over 10 MB with 413 before any route or handler', async () => {
    const before = api.calls.length;

    const response = await fetch(`${api.url}/no/such/thing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(11 * 1024 * 1024, 0x20),
    });

    expect(response.status).toBe(413);
    expect(await response.text()).toBe('{"message":"Request Entity Too Large"}');
    expect(api.calls).toHaveLength(before);
  });

  it('accepts a body of exactly 10 MB', async () => {
    api.behave(async () => ({ statusCode: 204 }));

    const response = await fetch(`${api.url}/no/such/thing`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(10 * 1024 * 1024, 0x61),
    });

    expect(response.status).toBe(204);
  });
});

describe('local gateway responses', () => {
  it('answers a rejected invocation with API Gateway’s bare 500, never the error', async () => {
    api.behave(async () => {
      throw new FunctionError('TypeError', 'secret internals at /var/task/index.js:12');
    });

    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });

  it('sends a structured response with its headers, cookies and status', async () => {
    api.behave(async () => ({
      statusCode: 201,
      headers: { 'content-type': 'application/json', location: '/orders/o-1' },
      cookies: ['a=1; HttpOnly', 'b=2'],
      body: '{"id":"o-1"}',
    }));

    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/orders/o-1');
    expect(response.headers.getSetCookie()).toStrictEqual(['a=1; HttpOnly', 'b=2']);
    expect(response.headers.get('apigw-requestid')).toMatch(/=$/);
    expect(await response.text()).toBe('{"id":"o-1"}');
  });

  it('infers a 200 JSON response from a result without statusCode', async () => {
    api.behave(async () => ({ ok: true }));

    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toStrictEqual({ ok: true });
  });

  it('answers a header HTTP cannot carry with a 500 rather than a broken connection', async () => {
    api.behave(async () => ({ statusCode: 200, headers: { 'x-bad': 'a\nb' }, body: 'x' }));

    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });
});

describe('local gateway on a named stage', () => {
  it('serves the API under /<stage> and keeps the prefix in rawPath', async () => {
    const dev = await gateway.start({
      routes: app.routes,
      invoke: async (_fn, event) => event,
      auth: { issuer: issuer.issuer, audience: issuer.clientId, jwksUrl: issuer.jwksUrl },
      region: 'eu-west-1',
      accountId,
      stage: 'dev',
    });
    try {
      const inside = (await (await fetch(`${dev.url}/dev/products/p-1`)).json()) as Record<string, unknown>;
      expect(inside).toMatchObject({
        routeKey: 'GET /products/{productId}',
        rawPath: '/dev/products/p-1',
        requestContext: { stage: 'dev' },
      });
      expect((await fetch(`${dev.url}/products/p-1`)).status).toBe(404);
    } finally {
      await dev.stop();
    }
  });
});

describe('local gateway integration timeout', () => {
  it('answers 503 when the function outlives the integration timeout, as HTTP APIs do after 30 s', async () => {
    const slow = await gateway.start({
      routes: app.routes,
      invoke: () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 500)),
      auth: { issuer: issuer.issuer, audience: issuer.clientId, jwksUrl: issuer.jwksUrl },
      region: 'eu-west-1',
      accountId,
      integrationTimeoutSeconds: 0.1,
    });
    try {
      const response = await fetch(`${slow.url}/health`);

      expect(response.status).toBe(503);
      expect(await response.text()).toBe('{"message":"Service Unavailable"}');
    } finally {
      await slow.stop();
    }
  });
});
