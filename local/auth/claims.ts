import { createHash, randomUUID } from 'node:crypto';

/**
 * Claims of a Cognito user pool ACCESS token, as the local issuer mints them. The shape follows
 * Cognito's documented access-token payload for an SRP sign-in, so handlers read what they read in AWS.
 * Like Cognito's, the token carries no `email`: a handler that needs it must not rely on the token.
 */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly 'cognito:groups'?: readonly string[];
  readonly iss: string;
  readonly client_id: string;
  readonly origin_jti: string;
  readonly event_id: string;
  readonly token_use: 'access';
  readonly scope: string;
  readonly auth_time: number;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  readonly username: string;
}

export interface MintInput {
  /** Defaults to `subjectFor(email)`, so one email is always one customer. */
  readonly sub?: string;
  readonly email: string;
  /** Cognito omits `cognito:groups` for a user in no group; so does this issuer for an empty list. */
  readonly groups?: readonly string[];
  /** Negative values mint an already expired token (for tests). Default: one hour, Cognito's default. */
  readonly expiresInSeconds?: number;
  /**
   * `id` mints an ID token instead, as Cognito returns beside the access token at sign-in (its `aud` is the
   * app client, so API Gateway's authorizer takes it); the API refuses it. For tests. Default `access`.
   */
  readonly tokenUse?: 'access' | 'id';
}

/** Claims of a Cognito user pool ID token (the documented payload after an SRP sign-in). */
export interface IdTokenClaims {
  readonly sub: string;
  readonly 'cognito:groups'?: readonly string[];
  readonly email_verified: boolean;
  readonly iss: string;
  readonly 'cognito:username': string;
  readonly origin_jti: string;
  readonly aud: string;
  readonly event_id: string;
  readonly token_use: 'id';
  readonly auth_time: number;
  readonly exp: number;
  readonly iat: number;
  readonly jti: string;
  readonly email: string;
}

// A fixed namespace for the name-based subject, so the mapping email → sub never changes between runs.
const SUBJECT_NAMESPACE = Buffer.from('5b0c8f0e7a4d4f1c9a3e2d6b8c1f4e7a', 'hex');

/** A UUID v5 (RFC 9562, SHA-1 name-based) of the normalised email: the same email, the same `sub`. */
export const subjectFor = (email: string): string => {
  const hash = createHash('sha1')
    .update(SUBJECT_NAMESPACE)
    .update(email.trim().toLowerCase())
    .digest()
    .subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * A Cognito-looking app client id (26 characters of [a-z0-9]) derived from the issuer path, so the
 * audience a storefront is configured with survives restarts.
 */
export const clientIdFor = (issuerPath: string): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const digest = createHash('sha256').update(`local-app-client:${issuerPath}`).digest();
  return Array.from(digest.subarray(0, 26), (byte) => alphabet[byte % alphabet.length]).join('');
};

/** The payload of one access token minted at `now` (seconds since the epoch). */
export const accessTokenClaims = (
  input: MintInput,
  issuer: { readonly iss: string; readonly clientId: string },
  now: number,
): AccessTokenClaims => {
  const sub = input.sub ?? subjectFor(input.email);
  const groups = input.groups ?? [];
  return {
    sub,
    ...(groups.length > 0 ? { 'cognito:groups': [...groups] } : {}),
    iss: issuer.iss,
    client_id: issuer.clientId,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: 'access',
    // The pool's app client signs in with SRP and has OAuth disabled (infra/auth.ts): such tokens carry
    // Cognito's user-pool API scope, not OAuth scopes like `openid email`.
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + (input.expiresInSeconds ?? 3600),
    jti: randomUUID(),
    // With email as the pool's sign-in alias, Cognito's `username` is the generated sub, not the email.
    username: sub,
  };
};

/** The payload of one ID token minted at `now`: who signed in, for the client (`aud`), not for the API. */
export const idTokenClaims = (
  input: MintInput,
  issuer: { readonly iss: string; readonly clientId: string },
  now: number,
): IdTokenClaims => {
  const access = accessTokenClaims(input, issuer, now);
  return {
    sub: access.sub,
    ...(access['cognito:groups'] ? { 'cognito:groups': access['cognito:groups'] } : {}),
    email_verified: true,
    iss: access.iss,
    'cognito:username': access.username,
    origin_jti: access.origin_jti,
    aud: issuer.clientId,
    event_id: access.event_id,
    token_use: 'id',
    auth_time: now,
    exp: access.exp,
    iat: now,
    jti: access.jti,
    email: input.email,
  };
};
