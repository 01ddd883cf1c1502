import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError } from '#platform/errors/index.ts';
import { operationOf } from '#platform/http/operation.ts';
import { json } from '#platform/http/response.ts';
import { httpRouter } from '#platform/http/router.ts';

const context = {
  functionName: 'test',
  awsRequestId: 'r1',
  getRemainingTimeInMillis: () => 1000,
} as unknown as Context;

const event = (
  routeKey: string,
  extra: Partial<APIGatewayProxyEventV2> & { claims?: Record<string, string> } = {},
) => {
  const { claims, ...rest } = extra;
  return {
    version: '2.0',
    routeKey,
    rawPath: '/x',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'GET', path: '/x' },
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    ...rest,
  } as unknown as APIGatewayProxyEventV2;
};

/** The services the test function hands its operations: a greeting, to prove they arrive. */
const testOperation = operationOf<{ greeting: string }>();
const base = { summary: 'x', tags: ['test'] as [string], responses: { 200: { description: 'ok' } } };

const open = testOperation({
  ...base,
  route: 'GET /open',
  access: 'public',
  operationId: 'open',
  request: { query: z.strictObject({ n: z.coerce.number().int().max(5).optional() }) },
  handle: async ({ query }, { greeting }) => {
    if (query.n === 4) throw new ConflictError('taken', 'slug_taken');
    if (query.n === 5) throw new Error('database password is hunter2');
    return json(200, { route: 'open', n: query.n ?? null, greeting });
  },
});
const mine = testOperation({
  ...base,
  route: 'GET /things/{thingId}',
  access: 'customer',
  operationId: 'mine',
  request: { path: z.strictObject({ thingId: z.string().regex(/^t\d+$/) }) },
  handle: async ({ path, caller }) => json(200, { route: 'mine', thingId: path.thingId, sub: caller.sub }),
});
const admin = testOperation({
  ...base,
  route: 'POST /admin/things',
  access: 'admin',
  operationId: 'admin',
  request: { body: z.strictObject({ name: z.string().max(10) }), bodyLimitBytes: 1024 },
  handle: async ({ body }) => json(200, { route: 'admin', name: body.name }),
});
const handler = httpRouter([open, mine, admin], { greeting: 'hello' });

const call = async (e: APIGatewayProxyEventV2) => {
  const res = (await handler(e, context)) as APIGatewayProxyStructuredResultV2;
  return { ...res, json: JSON.parse(res.body ?? 'null') };
};
const customer = { sub: 'u1', 'cognito:groups': '[customer]', token_use: 'access' };
/** An ID token's claims as API Gateway's authorizer passes them: it takes ID tokens (their `aud` matches). */
const adminClaims = { sub: 'a', 'cognito:groups': '[admin]', token_use: 'access' };
const idToken = { sub: 'u1', 'cognito:groups': '[admin]', token_use: 'id', aud: 'client' };

describe('httpRouter', () => {
  it('routes by routeKey and hands the operation its parsed input and the function’s services', async () => {
    expect((await call(event('GET /open', { queryStringParameters: { n: '2' } }))).json).toEqual({
      route: 'open',
      n: 2,
      greeting: 'hello',
    });
    const res = await call(
      event('GET /things/{thingId}', { pathParameters: { thingId: 't7' }, claims: customer }),
    );
    expect(res.json).toEqual({ route: 'mine', thingId: 't7', sub: 'u1' });
  });

  it('answers a route it does not serve with a 404 problem, never a 500', async () => {
    const res = await call(event('GET /elsewhere'));
    expect(res.statusCode).toBe(404);
    expect(res.json.code).toBe('route_not_found');
  });

  it('refuses two operations on one route when the function is built', () => {
    expect(() => httpRouter([open, open], { greeting: 'twice' })).toThrow(/share a route/);
  });

  it('answers 401 problem+json on a customer route without claims', async () => {
    const res = await call(event('GET /things/{thingId}', { pathParameters: { thingId: 't1' } }));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json.code).toBe('unauthorized');
  });

  it('answers 403 when a customer calls an admin route', async () => {
    const res = await call(event('POST /admin/things', { claims: customer, body: '{"name":"a"}' }));
    expect(res.statusCode).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });

  it.each(['[admin]', '[staff admin]', 'admin'])(
    'lets a member of admin in (groups claim %s)',
    async (groups) => {
      const res = await call(
        event('POST /admin/things', {
          claims: { sub: 'u1', 'cognito:groups': groups, token_use: 'access' },
          body: '{"name":"a"}',
        }),
      );
      expect(res.statusCode).toBe(200);
      expect(res.json).toEqual({ route: 'admin', name: 'a' });
    },
  );

  it.each([
    ['an admin route', 'POST /admin/things'],
    ['a customer route', 'GET /things/{thingId}'],
  ])('refuses an ID token on %s with 401 invalid_token: access tokens only', async (_, routeKey) => {
    const res = await call(
      event(routeKey, { claims: idToken, pathParameters: { thingId: 't1' }, body: '{"name":"a"}' }),
    );
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json.code).toBe('invalid_token');
  });

  it.each([
    ['no access at all', undefined],
    ['an access the router does not know', 'staff'],
  ])('fails closed on an operation with %s: refused even to an admin, never public', async (_, access) => {
    const undeclared = {
      ...open,
      route: 'GET /undeclared',
      operationId: 'undeclared',
      access,
      handle: async () => json(200, { leaked: true }),
    } as unknown as typeof open;
    const router = httpRouter([undeclared], { greeting: 'closed' });
    for (const claims of [undefined, customer, adminClaims]) {
      const res = (await router(
        event('GET /undeclared', claims ? { claims } : {}),
        context,
      )) as APIGatewayProxyStructuredResultV2;
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('leaked');
    }
  });

  it('checks access before it reads the input: a stranger learns nothing about the body it sent', async () => {
    const res = await call(event('POST /admin/things', { body: 'not json' }));
    expect(res.statusCode).toBe(401);
  });

  it('rejects invalid and unknown query parameters with field errors', async () => {
    const res = await call(event('GET /open', { queryStringParameters: { n: '9', extra: '1' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query', 'query.n']);
  });

  it('rejects a path parameter its schema refuses', async () => {
    const res = await call(
      event('GET /things/{thingId}', { pathParameters: { thingId: 'x' }, claims: customer }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json.errors[0].path).toBe('path.thingId');
  });

  it.each([
    ['malformed JSON', '{', 'body'],
    ['an unknown field', '{"name":"a","extra":1}', 'body'],
    ['a field over its limit', '{"name":"abcdefghijk"}', 'body.name'],
  ])('answers 400 for a body with %s', async (_, body, path) => {
    const res = await call(event('POST /admin/things', { claims: { ...adminClaims }, body }));
    expect(res.statusCode).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('turns a typed error into its status and code', async () => {
    const res = await call(event('GET /open', { queryStringParameters: { n: '4' } }));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({
      code: 'slug_taken',
      status: 409,
      type: 'urn:problem:commerce:slug_taken',
    });
  });

  it('hides an unexpected error behind a generic 500', async () => {
    const res = await call(event('GET /open', { queryStringParameters: { n: '5' } }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json.code).toBe('internal_error');
  });

  it('answers 413 for a body over the operation’s limit, and over the default one elsewhere', async () => {
    const adminCall = { claims: adminClaims };
    const small = await call(event('POST /admin/things', { ...adminCall, body: 'x'.repeat(2048) }));
    expect(small.statusCode).toBe(413);
    const res = await call(event('GET /open', { body: 'x'.repeat(300 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json.code).toBe('payload_too_large');
  });
});
