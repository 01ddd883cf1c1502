import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

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

const call = async (h: ReturnType<typeof httpHandler>, e: APIGatewayProxyEventV2) => {
  const res = (await h(e, context)) as APIGatewayProxyStructuredResultV2;
  return { ...res, json: JSON.parse(res.body ?? 'null') };
};

describe('httpHandler', () => {
  let handler: ReturnType<typeof httpHandler>;
  beforeAll(() => {
    process.env.ROUTE_ACCESS = JSON.stringify({
      'GET /open': 'public',
      'GET /mine': 'customer',
      'GET /admin': 'admin',
    });
    handler = httpHandler(
      { query: z.strictObject({ n: z.coerce.number().int().max(5).optional() }) },
      async ({ query, event: e }) => {
        if (query.n === 4) throw new ConflictError('taken', 'slug_taken');
        if (query.n === 5) throw new Error('database password is hunter2');
        return json(200, { route: e.routeKey, n: query.n ?? null });
      },
    );
  });

  it('answers a public route without claims', async () => {
    const res = await call(handler, event('GET /open'));
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 problem+json on a customer route without claims', async () => {
    const res = await call(handler, event('GET /mine'));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json.code).toBe('unauthorized');
  });

  it('answers 403 when a customer calls an admin route', async () => {
    const res = await call(
      handler,
      event('GET /admin', { claims: { sub: 'u1', 'cognito:groups': '[customer]' } }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });

  it.each(['[admin]', '[staff admin]', 'admin'])(
    'lets a member of admin in (groups claim %s)',
    async (groups) => {
      const res = await call(
        handler,
        event('GET /admin', { claims: { sub: 'u1', 'cognito:groups': groups } }),
      );
      expect(res.statusCode).toBe(200);
    },
  );

  it('rejects invalid and unknown query parameters with field errors', async () => {
    const res = await call(handler, event('GET /open', { queryStringParameters: { n: '9', extra: '1' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query', 'query.n']);
  });

  it('turns a typed error into its status and code', async () => {
    const res = await call(handler, event('GET /open', { queryStringParameters: { n: '4' } }));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({
      code: 'slug_taken',
      status: 409,
      type: 'urn:problem:commerce:slug_taken',
    });
  });

  it('hides an unexpected error behind a generic 500', async () => {
    const res = await call(handler, event('GET /open', { queryStringParameters: { n: '5' } }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json.code).toBe('internal_error');
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await call(handler, event('GET /open', { body: 'x'.repeat(300 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json.code).toBe('payload_too_large');
  });
});
