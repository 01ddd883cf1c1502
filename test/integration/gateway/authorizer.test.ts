import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Issuer, subjectFor } from '#local/auth/index.ts';
import { echoed, type GatewayUnderTest, startGateway, startIssuer } from './harness.ts';
import { type SigningAuthority, startSigningAuthority } from './signing-authority.ts';

let issuer: Issuer;
let authority: SigningAuthority;
let local: GatewayUnderTest;
let crafted: GatewayUnderTest;

beforeAll(async () => {
  const started = await startIssuer();
  issuer = started.issuer;
  local = await startGateway(started.authorizer);
  authority = await startSigningAuthority();
  crafted = await startGateway({
    issuer: authority.issuer,
    audience: authority.clientId,
    jwksUrl: authority.jwksUrl,
  });
});

afterAll(async () => {
  await Promise.all([local?.stop(), crafted?.stop(), issuer?.stop(), authority?.stop()]);
});

const get = (api: GatewayUnderTest, path: string, authorization?: string) =>
  fetch(`${api.url}${path}`, authorization === undefined ? {} : { headers: { authorization } });

async function expectUnauthorized(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  expect(await response.text()).toBe('{"message":"Unauthorized"}');
  return response.headers.get('www-authenticate') ?? '';
}

describe('local gateway JWT authorizer, with tokens from the local issuer', () => {
  it('passes a valid customer token to the handler with its claims as strings', async () => {
    const token = await issuer.mintToken({ email: 'ada@example.com', groups: ['admin', 'customer'] });

    const response = await get(local, '/me', `Bearer ${token}`);

    expect(response.status).toBe(200);
    const { functionName, event } = await echoed(response);
    expect(functionName).toBe('customers');
    expect(event.routeKey).toBe('GET /me');
    const { claims, scopes } = event.requestContext.authorizer.jwt;
    expect(scopes).toBeNull();
    expect(claims).toMatchObject({
      sub: subjectFor('ada@example.com'),
      'cognito:groups': '[admin customer]',
      iss: issuer.issuer,
      client_id: issuer.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(claims.exp).toMatch(/^\d{10}$/);
    expect(Object.values(claims).every((v) => typeof v === 'string')).toBe(true);
  });

  it('authenticates only: a token without the admin group reaches an admin route', async () => {
    const token = await issuer.mintToken({ email: 'bob@example.com' });

    const response = await get(local, '/admin/products/p-1', `Bearer ${token}`);

    expect(response.status).toBe(200);
    const { event } = await echoed(response);
    expect(event.requestContext.authorizer.jwt.claims).not.toHaveProperty('cognito:groups');
    expect(event.pathParameters).toStrictEqual({ productId: 'p-1' });
  });

  it('accepts the bare token, without the Bearer prefix', async () => {
    const token = await issuer.mintToken({ email: 'bob@example.com' });

    expect((await get(local, '/me', token)).status).toBe(200);
  });

  it('answers a customer route without a token with 401 and never invokes the handler', async () => {
    const before = local.calls.length;

    expect(await expectUnauthorized(await get(local, '/me'))).toBe('Bearer');
    expect(local.calls).toHaveLength(before);
  });

  it('refuses an expired token', async () => {
    const token = await issuer.mintToken({ email: 'ada@example.com', expiresInSeconds: -1 });

    expect(await expectUnauthorized(await get(local, '/me', `Bearer ${token}`))).toContain(
      'the token has expired',
    );
  });

  it('refuses a token from another issuer instance, whose key the JWKS does not hold', async () => {
    const other = (await startIssuer()).issuer;
    try {
      const token = await other.mintToken({ email: 'ada@example.com' });

      expect(await expectUnauthorized(await get(local, '/me', `Bearer ${token}`))).toContain(
        'error="invalid_token"',
      );
    } finally {
      await other.stop();
    }
  });
});

describe('local gateway JWT authorizer, with crafted tokens', () => {
  it('accepts the authority’s own valid token (the baseline every case below changes one thing of)', async () => {
    expect((await get(crafted, '/me', `Bearer ${await authority.sign()}`)).status).toBe(200);
  });

  it.each([
    [
      'signed by a key the JWKS does not hold, under a published kid',
      {},
      { key: 'unpublished' as const },
      'signature',
    ],
    ['without a key id', {}, { kid: null }, 'key id'],
    ['with a key id the JWKS does not hold', {}, { kid: 'other-key' }, 'known key'],
    [
      'from another issuer',
      { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other' },
      {},
      'issuer',
    ],
    ['for another client', { client_id: 'otherclient' }, {}, 'audience'],
    [
      'with an aud for another client, even beside the right client_id',
      { aud: 'otherclient' },
      {},
      'audience',
    ],
    ['without aud or client_id', { client_id: undefined }, {}, 'audience'],
    ['expired a second ago', { exp: Math.floor(Date.now() / 1000) - 1 }, {}, 'expired'],
    ['without exp', { exp: undefined }, {}, 'exp'],
    ['not valid before a minute from now', { nbf: Math.floor(Date.now() / 1000) + 60 }, {}, 'not valid yet'],
    ['issued a minute in the future', { iat: Math.floor(Date.now() / 1000) + 60 }, {}, 'not valid yet'],
  ])('refuses a token %s', async (_, claims, options, reason) => {
    const token = await authority.sign(claims, options);

    expect(await expectUnauthorized(await get(crafted, '/me', `Bearer ${token}`))).toContain(reason);
  });

  it('accepts an aud naming the client, which takes precedence over client_id', async () => {
    const token = await authority.sign({ aud: authority.clientId, client_id: 'ignored' });

    expect((await get(crafted, '/me', `Bearer ${token}`)).status).toBe(200);
  });

  it.each([
    ['not a JWT', 'Bearer not-a-jwt'],
    ['three garbage segments', 'Bearer a.b.c'],
    ['an empty bearer', 'Bearer '],
    ['an unsigned token', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`],
  ])('refuses %s', async (_, authorization) => {
    await expectUnauthorized(await get(crafted, '/me', authorization));
  });
});
