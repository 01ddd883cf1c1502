import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Issuer, start, subjectFor } from '#local/auth/index.ts';

let issuer: Issuer;

beforeAll(async () => {
  issuer = await start({ issuerPath: 'eu-west-1_LocalPool' });
});

afterAll(async () => {
  await issuer?.stop();
});

describe('local issuer', () => {
  it('serves its JWKS and discovery document at Cognito’s paths', async () => {
    expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eu-west-1_LocalPool$/);
    expect(issuer.jwksUrl).toBe(`${issuer.issuer}/.well-known/jwks.json`);

    const jwks = (await (await fetch(issuer.jwksUrl)).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const discovery = await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({ issuer: issuer.issuer, jwks_uri: issuer.jwksUrl });
  });

  it('answers anything else with 404', async () => {
    expect((await fetch(`${issuer.issuer}/oauth2/token`)).status).toBe(404);
    expect((await fetch(`${new URL(issuer.issuer).origin}/.well-known/jwks.json`)).status).toBe(404);
  });

  it('mints a Cognito-shaped access token that verifies against its JWKS', async () => {
    const token = await issuer.mintToken({
      email: 'Ada@Example.com ',
      groups: ['admin'],
      expiresInSeconds: 600,
    });

    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUrl)), {
      issuer: issuer.issuer,
    });
    expect(Object.keys(protectedHeader).sort()).toStrictEqual(['alg', 'kid']);
    expect(payload).toMatchObject({
      sub: subjectFor('ada@example.com'),
      username: subjectFor('ada@example.com'),
      'cognito:groups': ['admin'],
      client_id: issuer.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(payload).not.toHaveProperty('email');
    expect(payload).not.toHaveProperty('aud');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
    expect(payload.auth_time).toBe(payload.iat);
  });

  it('leaves out cognito:groups for a user in no group, and honours an explicit sub', async () => {
    const token = await issuer.mintToken({ email: 'bob@example.com', sub: 'given-sub', groups: [] });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

    expect(payload).not.toHaveProperty('cognito:groups');
    expect(payload.sub).toBe('given-sub');
  });

  it('derives the same sub and client id from the same email and pool, run after run', async () => {
    const again = await start({ issuerPath: '/eu-west-1_LocalPool/' });
    try {
      expect(again.clientId).toBe(issuer.clientId);
      expect(issuer.clientId).toMatch(/^[a-z0-9]{26}$/);
      const header = decodeProtectedHeader(await again.mintToken({ email: 'ada@example.com' }));
      expect(header.kid).not.toBe(
        decodeProtectedHeader(await issuer.mintToken({ email: 'ada@example.com' })).kid,
      );
    } finally {
      await again.stop();
    }
    expect(subjectFor('ada@example.com')).toBe(subjectFor(' ADA@example.com'));
    expect(subjectFor('ada@example.com')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(subjectFor('ada@example.com')).not.toBe(subjectFor('bob@example.com'));
  });
});
