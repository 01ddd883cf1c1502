import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Issuer, subjectFor } from '#local/auth/index.ts';
import * as gateway from '#local/gateway/index.ts';
import {
  functionEnvironment,
  type ResourceLocator,
  type TokenIssuer,
} from '#platform/definition/environment.ts';
import type { AppDefinition, FunctionDef } from '#platform/definition/types.ts';
import { operationOf } from '#platform/http/operation.ts';
import { json } from '#platform/http/response.ts';
import { httpRouter } from '#platform/http/router.ts';
import { accountId, region, startIssuer } from './harness.ts';
import { type SigningAuthority, startSigningAuthority } from './signing-authority.ts';

const cartOperation = operationOf<undefined>();
const answer = {
  summary: 'Who calls',
  tags: ['test'] as [string],
  responses: { 200: { description: 'ok' } },
};
/** Answers who called, and whether an authorizer context reached the function. */
const viewCart = cartOperation({
  ...answer,
  route: 'GET /carts/{cartId}',
  access: 'optional',
  operationId: 'viewCart',
  handle: async ({ caller, event }) =>
    json(200, { caller: caller ?? null, authorizer: 'authorizer' in event.requestContext }),
});
const myCarts = cartOperation({
  ...answer,
  route: 'GET /carts/mine',
  access: 'customer',
  operationId: 'myCarts',
  handle: async ({ caller }) => json(200, { caller }),
});
const fn: FunctionDef = {
  entry: 'contexts/x/lambda/x.ts',
  description: 'x',
  memoryMb: 128,
  timeoutSeconds: 3,
  operations: [viewCart, myCarts],
};

/** A cart-like optional route beside a customer route, as the definition will declare them. */
const definition: AppDefinition = {
  name: 'optional-test',
  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    gsis: [],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },
  functions: { cart: fn },
  routes: [
    { method: 'GET', path: '/carts/{cartId}', function: 'cart', access: 'optional' },
    { method: 'GET', path: '/carts/mine', function: 'cart', access: 'customer' },
  ],
  rules: {},
  queues: {},
  stateMachines: {},
  pipes: {},
};

const context = { functionName: 'cart', awsRequestId: 'r1' } as unknown as Context;

/**
 * The cart function as a cloud would run it: its environment derived by `functionEnvironment` for a
 * cloud whose issuer is `auth`, then its router over the two operations.
 */
const cartFunction = (auth: TokenIssuer) => {
  const locator: ResourceLocator = {
    tableName: 't',
    eventBusName: 'b',
    queueUrl: String,
    stateMachineArn: String,
    secretArn: String,
    externalSecretArn: String,
    auth,
    mail: { from: 'orders@shop.example' },
  };
  Object.assign(process.env, functionEnvironment(definition, fn, locator));
  return httpRouter(fn.operations ?? [], undefined);
};

/** A local gateway over the definition's routes whose integration is `handler`, run in this process. */
const serve = (auth: TokenIssuer, handler: ReturnType<typeof cartFunction>) =>
  gateway.start({
    routes: definition.routes,
    auth,
    region,
    accountId,
    invoke: async (_name, event) => handler(event as APIGatewayProxyEventV2, context),
  });

let issuer: Issuer;
let authority: SigningAuthority;
let local: gateway.Gateway;
let crafted: gateway.Gateway;

beforeAll(async () => {
  issuer = (await startIssuer()).issuer;
  authority = await startSigningAuthority();
  const localAuth = { issuer: issuer.issuer, audience: issuer.clientId, jwksUrl: issuer.jwksUrl };
  local = await serve(localAuth, cartFunction(localAuth));
  const craftedAuth = { issuer: authority.issuer, audience: authority.clientId, jwksUrl: authority.jwksUrl };
  crafted = await serve(craftedAuth, cartFunction(craftedAuth));
});

afterAll(async () => {
  await Promise.all([local?.stop(), crafted?.stop(), issuer?.stop(), authority?.stop()]);
});

const get = (api: gateway.Gateway, path: string, authorization?: string) =>
  fetch(`${api.url}${path}`, authorization === undefined ? {} : { headers: { authorization } });

async function expectInvalidToken(response: Response, reason: string): Promise<void> {
  // The function's problem+json, not the gateway's `{"message":"Unauthorized"}`: no authorizer ran.
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as { code: string; detail: string };
  expect(body.code).toBe('invalid_token');
  expect(body.detail).toContain(reason);
}

describe('an optional route behind the local gateway', () => {
  it('serves a guest: no token, no caller, and no authorizer context from the gateway', async () => {
    const response = await get(local, '/carts/c-1');

    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ caller: null, authorizer: false });
  });

  it('knows the customer who presents a valid token', async () => {
    const token = await issuer.mintToken({ email: 'ada@example.com', groups: ['admin'] });

    const response = await get(local, '/carts/c-1', `Bearer ${token}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({
      caller: { sub: subjectFor('ada@example.com'), groups: ['admin'] },
      authorizer: true,
    });
  });

  it('refuses an expired token instead of serving the caller as a guest', async () => {
    const token = await issuer.mintToken({ email: 'ada@example.com', expiresInSeconds: -1 });

    await expectInvalidToken(await get(local, '/carts/c-1', `Bearer ${token}`), 'expired');
  });

  it('refuses a token signed by another issuer instance', async () => {
    const other = (await startIssuer()).issuer;
    try {
      const token = await other.mintToken({ email: 'ada@example.com' });

      await expectInvalidToken(
        await get(local, '/carts/c-1', `Bearer ${token}`),
        'not signed by a known key',
      );
    } finally {
      await other.stop();
    }
  });

  it('still lets the gateway refuse a customer route without a token, before the function', async () => {
    const response = await get(local, '/carts/mine');

    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"message":"Unauthorized"}');
  });
});

describe('an optional route with crafted tokens: the checks API Gateway’s authorizer makes', () => {
  it('accepts the authority’s valid token (the baseline every case below changes one thing of)', async () => {
    const response = await get(crafted, '/carts/c-1', `Bearer ${await authority.sign()}`);

    expect(response.status).toBe(200);
  });

  it.each([
    ['for another client', { client_id: 'otherclient' }, 'audience'],
    ['with an aud for another client', { aud: 'otherclient' }, 'audience'],
    ['expired a second ago', { exp: Math.floor(Date.now() / 1000) - 1 }, 'expired'],
    ['not valid before a minute from now', { nbf: Math.floor(Date.now() / 1000) + 60 }, 'not valid yet'],
    ['from another issuer', { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/other' }, 'issuer'],
  ])('refuses a token %s', async (_, claims, reason) => {
    const token = await authority.sign(claims);

    await expectInvalidToken(await get(crafted, '/carts/c-1', `Bearer ${token}`), reason);
  });

  it('refuses a token signed by a key the JWKS does not hold', async () => {
    const token = await authority.sign({}, { key: 'unpublished' });

    await expectInvalidToken(await get(crafted, '/carts/c-1', `Bearer ${token}`), 'signature');
  });
});
