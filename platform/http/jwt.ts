import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import { stringifyClaims } from './jwt-claims.ts';

/** Whose tokens to trust, as CDK's `HttpJwtAuthorizer` takes it. */
export interface JwtVerifierConfig {
  readonly issuer: string;
  /** For Cognito: the app client id (checked against `aud`, or `client_id` when `aud` is absent). */
  readonly audience: string | readonly string[];
  readonly jwksUrl: string;
}

/** The outcome of verifying an `Authorization` header: API Gateway-shaped claims, or why not. */
export type TokenVerification =
  | { readonly ok: true; readonly claims: Record<string, string> }
  | { readonly ok: false; readonly reason: 'missing' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly description: string };

export type VerifyToken = (authorizationHeader: string | undefined) => Promise<TokenVerification>;

// "Currently, only RSA-based algorithms are supported" (API Gateway JWT authorizer docs).
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/**
 * Verifies like API Gateway's JWT authorizer: token from `Authorization` (bare or `Bearer `), RSA
 * signature by a JWKS key named by `kid`, then `iss`, `aud`/`client_id`, `exp`, `nbf` and `iat` with no
 * clock tolerance. The local gateway's authorizer and `optional` routes' functions both use it. The JWKS
 * is fetched on first use and cached by jose, so one verifier per process fetches it once.
 */
export function jwtVerifier(config: JwtVerifierConfig): VerifyToken {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  const audiences: readonly string[] =
    typeof config.audience === 'string' ? [config.audience] : config.audience;
  return async (header) => {
    const token = header?.replace(/^Bearer /i, '').trim();
    if (!token) return { ok: false, reason: 'missing' };
    const jose = protectedHeader(token);
    if (!jose) return invalid('the token is malformed');
    if (!jose.kid) return invalid('the token has no key id');
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        algorithms: RSA_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 0,
      });
      const problem = claimProblem(payload, audiences);
      if (problem) return invalid(problem);
      return { ok: true, claims: stringifyClaims(payload) };
    } catch (error) {
      return invalid(describe(error));
    }
  };
}

/** The token's JOSE header, or undefined when the token is not a JWS at all (a plain TypeError). */
function protectedHeader(token: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
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

const invalid = (description: string): TokenVerification => ({ ok: false, reason: 'invalid', description });
