import { type JwtVerifierConfig, jwtVerifier } from '#platform/http/jwt.ts';

/** The JWT authorizer's configuration, as CDK's `HttpJwtAuthorizer` takes it. */
export type JwtAuthorizerConfig = JwtVerifierConfig;

export type Authorization =
  | { readonly ok: true; readonly claims: Record<string, string>; readonly scopes: string[] | null }
  | { readonly ok: false; readonly challenge: string };

export type Authorize = (authorizationHeader: string | undefined) => Promise<Authorization>;

/**
 * Authenticates like API Gateway's JWT authorizer (the checks are `jwtVerifier`'s, shared with the
 * functions of `optional` routes) and answers its refusals with API Gateway's `WWW-Authenticate`
 * challenge. It only authenticates: group membership is the handlers' check.
 */
export function jwtAuthorizer(config: JwtAuthorizerConfig): Authorize {
  const verify = jwtVerifier(config);
  return async (header) => {
    const verified = await verify(header);
    // `scopes` lists the route's matched authorization scopes; no route here declares any.
    if (verified.ok) return { ok: true, claims: verified.claims, scopes: null };
    if (verified.reason === 'missing') return { ok: false, challenge: 'Bearer' };
    return {
      ok: false,
      challenge: `Bearer scope="" error="invalid_token" error_description="${verified.description}"`,
    };
  };
}
