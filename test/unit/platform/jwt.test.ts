import { describe, expect, it } from 'vitest';
import { jwtVerifier } from '#platform/http/jwt.ts';

// Nothing listens here: each case below is refused before the JWKS would be fetched. Verification of
// real tokens (signature, issuer, audience, times) runs against a live issuer in test/integration.
const verify = jwtVerifier({
  issuer: 'https://issuer.invalid/pool',
  audience: 'client-1',
  jwksUrl: 'http://127.0.0.1:9/jwks.json',
});

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('jwtVerifier without a usable token', () => {
  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a bare Bearer', 'Bearer '],
    ['only blanks after Bearer', 'Bearer    '],
  ])('reports %s as a missing token', async (_, header) => {
    expect(await verify(header)).toStrictEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['not a JWT', 'Bearer not-a-jwt', 'the token is malformed'],
    ['three garbage segments', 'Bearer a.b.c', 'the token is malformed'],
    ['a token without a key id', `Bearer ${segment({ alg: 'RS256' })}.${segment({})}.sig`, 'key id'],
    ['the same, without the Bearer prefix', `${segment({ alg: 'RS256' })}.${segment({})}.sig`, 'key id'],
  ])('refuses %s as invalid', async (_, header, description) => {
    const verified = await verify(header);

    expect(verified).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verified.ok === false && verified.reason === 'invalid' && verified.description).toContain(
      description,
    );
  });

  it('says the keys could not be fetched when the JWKS endpoint is down (not that the token is bad)', async () => {
    const header = `Bearer ${segment({ alg: 'RS256', kid: 'k1' })}.${segment({ sub: 'u1' })}.c2ln`;

    expect(await verify(header)).toStrictEqual({
      ok: false,
      reason: 'invalid',
      description: 'the signing keys could not be fetched',
    });
  });
});
