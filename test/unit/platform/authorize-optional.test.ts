import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationOf } from '#platform/http/operation.ts';
import { json } from '#platform/http/response.ts';
import { httpRouter } from '#platform/http/router.ts';

const context = { functionName: 'test', awsRequestId: 'r1' } as unknown as Context;

const event = (headers: Record<string, string>, authorizer?: unknown) =>
  ({
    version: '2.0',
    routeKey: 'GET /carts/{cartId}',
    rawPath: '/carts/c1',
    rawQueryString: '',
    headers,
    isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: '/carts/c1' }, ...(authorizer ? { authorizer } : {}) },
  }) as unknown as APIGatewayProxyEventV2;

const cartOperation = operationOf<undefined>()({
  route: 'GET /carts/{cartId}',
  access: 'optional',
  operationId: 'whoAmI',
  summary: 'Who calls',
  tags: ['test'],
  responses: { 200: { description: 'The caller' } },
  handle: async ({ caller }) => json(200, { caller: caller ?? null }),
});
const whoAmI = () => httpRouter([cartOperation], undefined);

const call = async (h: ReturnType<typeof whoAmI>, e: APIGatewayProxyEventV2) => {
  const res = (await h(e, context)) as APIGatewayProxyStructuredResultV2;
  return { ...res, json: JSON.parse(res.body ?? 'null') };
};

// Tokens that are refused before any key is fetched: the JWKS URL below is never reached. Real tokens
// (valid, expired, wrong audience) are verified against a live issuer in test/integration/gateway.
describe('authorize on an optional route, without a usable token', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.AUTH_ISSUER = 'https://issuer.invalid/pool';
    process.env.AUTH_AUDIENCE = 'client-1';
    process.env.AUTH_JWKS_URL = 'http://127.0.0.1:9/jwks.json';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('lets a caller without an Authorization header in as a guest', async () => {
    const res = await call(whoAmI(), event({}));

    expect(res.statusCode).toBe(200);
    expect(res.json).toStrictEqual({ caller: null });
  });

  it('ignores claims it did not verify itself: only the function vouches for an optional route’s caller', async () => {
    const forged = { jwt: { claims: { sub: 'someone-else' }, scopes: null } };

    const res = await call(whoAmI(), event({}, forged));

    expect(res.json).toStrictEqual({ caller: null });
  });

  it.each([
    ['an empty header', ''],
    ['a bare Bearer', 'Bearer '],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses %s with 401 invalid_token instead of treating the caller as a guest', async (_, header) => {
    const res = await call(whoAmI(), event({ authorization: header }));

    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      status: 401,
      code: 'invalid_token',
      type: 'urn:problem:commerce:invalid_token',
    });
  });

  it('fails at cold start when the issuer settings are missing, not at a customer’s request', () => {
    delete process.env.AUTH_JWKS_URL;

    expect(() => whoAmI()).toThrow(/AUTH_JWKS_URL/);
  });
});
