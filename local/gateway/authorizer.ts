import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import { stringifyClaims } from './claims.ts';

/** The JWT authorizer's configuration, as CDK's `HttpJwtAuthorizer` takes it. */
export interface JwtAuthorizerConfig {
  readonly issuer: string;
  /** For Cognito: the app client id (checked against `aud`, or `client_id` when `aud` is absent). */
  readonly audience: string | readonly string[];
  readonly jwksUrl: string;
}

export type Authorization =
  | { readonly ok: true; readonly claims: Record<string, string>; readonly scopes: string[] | null }
  | { readonly ok: false; readonly challenge: string };

export type Authorize = (authorizationHeader: string | undefined) => Promise<Authorization>;

// "Currently, only RSA-based algorithms are supported" (API Gateway JWT authorizer docs).
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/**
 * Authenticates like API Gateway's JWT authorizer: token from `Authorization` (bare or `Bearer `),
 * RSA signature by a JWKS key named by `kid`, then `iss`, `aud`/`client_id`, `exp`, `nbf` and `iat`
 * with no clock tolerance. It only authenticates: group membership is the handlers' check.
 */
export function jwtAuthorizer(config: JwtAuthorizerConfig): Authorize {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  const audiences: readonly string[] =
    typeof config.audience === 'string' ? [config.audience] : config.audience;
  return async (header) => {
    const token = header?.replace(/^Bearer /i, '').trim();
    if (!token) return { ok: false, challenge: 'Bearer' };
    try {
      if (!decodeProtectedHeader(token).kid) return deny('the token has no key id');
      const { payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        algorithms: RSA_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 0,
      });
      const problem = claimProblem(payload, audiences);
      if (problem) return deny(problem);
      // `scopes` lists the route's matched authorization scopes; no route here declares any.
      return { ok: true, claims: stringifyClaims(payload), scopes: null };
    } catch (error) {
      return deny(describe(error));
    }
  };
}

/** The checks jose leaves to the caller: audience with Cognito's `client_id` fallback, and `iat`. */
function claimProblem(payload: JWTPayload, audiences: readonly string[]): string | undefined {
  // "API Gateway validates client_id only if aud is not present."
  const presented = payload.aud ?? payload.client_id;
  const values = Array.isArray(presented) ? presented : [presented];
  if (!values.some((v) => typeof v === 'string' && audiences.includes(v))) {
    return 'the token does not have a valid audience';
  }
  if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000) return 'the token is not valid yet';
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token does not have a valid issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a known key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token signing algorithm is not supported';
  // Anything that is not a JOSE error comes from fetching the JWKS (issuer down, connection refused).
  if (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  ) {
    return 'the signing keys could not be fetched';
  }
  return 'the token is malformed';
}

const deny = (description: string): Authorization => ({
  ok: false,
  challenge: `Bearer scope="" error="invalid_token" error_description="${description}"`,
});
