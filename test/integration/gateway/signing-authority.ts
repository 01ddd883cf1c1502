import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface SignOptions {
  /** `unpublished`: a key the JWKS does not hold, presented under the published key's `kid`. */
  readonly key?: 'published' | 'unpublished';
  /** `null` leaves `kid` out of the header. */
  readonly kid?: string | null;
}

/**
 * A test-only token authority: it publishes a JWKS like the local issuer but signs any claims, so the
 * authorizer's checks (issuer, audience, times, key) can each be failed on their own.
 */
export interface SigningAuthority {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUrl: string;
  /** A valid Cognito-like access token, with `claims` overriding (or, as undefined, removing) defaults. */
  sign(claims?: Readonly<Record<string, unknown>>, options?: SignOptions): Promise<string>;
  stop(): Promise<void>;
}

const KID = 'test-key-1';

export async function startSigningAuthority(): Promise<SigningAuthority> {
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(published.publicKey)), kid: KID, alg: 'RS256' }],
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/test_pool`;
  const clientId = 'testclient0000000000000000';

  return {
    issuer,
    clientId,
    jwksUrl: `http://127.0.0.1:${port}/test_pool/.well-known/jwks.json`,
    async sign(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = Object.fromEntries(
        Object.entries({
          sub: 'f0e1d2c3-0000-4000-8000-000000000001',
          iss: issuer,
          client_id: clientId,
          token_use: 'access',
          iat: now,
          exp: now + 3600,
          ...claims,
        }).filter(([, value]) => value !== undefined),
      ) as JWTPayload;
      const kid = options.kid === undefined ? KID : options.kid;
      const header = kid === null ? { alg: 'RS256' } : { alg: 'RS256', kid };
      const key = options.key === 'unpublished' ? unpublished.privateKey : published.privateKey;
      return new SignJWT(payload).setProtectedHeader(header).sign(key);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
