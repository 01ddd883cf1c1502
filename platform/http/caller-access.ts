import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import type { Access } from '../definition/access.ts';
import { ForbiddenError, UnauthorizedError } from '../errors/index.ts';
import { type Caller, callerOf } from './identity.ts';
import { jwtVerifier, type VerifyToken } from './jwt.ts';

// Set by both clouds (platform/definition/environment.ts) on functions serving an `optional` route only.
const tokenIssuer = z.object({
  AUTH_ISSUER: z.url(),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: z.url(),
});

/**
 * A verifier for the function's `optional` routes, from the issuer settings in its environment. Made at
 * cold start (jose caches the JWKS it fetches on first use), so missing settings fail the instance, not a
 * customer's request.
 */
export const verifierFromEnvironment = (): VerifyToken => {
  const env = tokenIssuer.parse(process.env);
  return jwtVerifier({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL });
};

/**
 * Enforces a route's access and answers who calls. On `customer` and `admin` routes API Gateway's JWT
 * authorizer has already proved the token; this checks that claims are present, that they are an access
 * token's and, for admin routes, that the caller is in the `admin` group. `optional` routes have no
 * authorizer, so a presented token is verified here (with `verify`) and its claims put where the
 * authorizer puts them. Any other access (none declared, a misspelt one) is refused: never public.
 */
export const checkAccess = async (
  access: Access,
  event: APIGatewayProxyEventV2,
  verify: VerifyToken | undefined,
): Promise<Caller | undefined> => {
  switch (access) {
    case 'public':
      return undefined;
    case 'optional': {
      if (!verify) throw new Error('An optional route needs the token issuer settings');
      await identify(event, verify);
      return callerOf(event);
    }
    case 'customer':
    case 'admin': {
      const caller = callerOf(event);
      if (!caller) throw new UnauthorizedError();
      assertAccessToken(claimsOf(event));
      if (access === 'admin' && !caller.groups.includes('admin')) throw new ForbiddenError();
      return caller;
    }
    default:
      // Fail closed: a route whose access the router cannot name is a defect, not an open door.
      throw new ForbiddenError('This route declares no access it can be called with');
  }
};

/**
 * Only access tokens are accepted. API Gateway's JWT authorizer also takes a Cognito ID token (its `aud`
 * is the app client id), which proves who signed in to some client, not that the API was granted; and
 * an ID token cannot be revoked by signing out. Cognito marks its tokens with `token_use`.
 */
const assertAccessToken = (claims: Readonly<Record<string, unknown>> | undefined): void => {
  if (claims?.token_use !== 'access')
    throw new UnauthorizedError(
      'The bearer token was refused: only access tokens are accepted',
      'invalid_token',
    );
};

const claimsOf = (event: APIGatewayProxyEventV2): Readonly<Record<string, unknown>> | undefined =>
  (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt
    ?.claims;

/**
 * No `Authorization` header: a guest. A header whose token fails is a 401, never a guest, so a client
 * with an expired token learns to refresh it instead of silently losing the customer's cart.
 */
const identify = async (event: APIGatewayProxyEventV2, verify: VerifyToken): Promise<void> => {
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & { authorizer?: unknown };
  // Only what this function verified identifies the caller of an optional route.
  delete context.authorizer;
  const header = event.headers?.authorization;
  if (header === undefined) return;
  const verified = await verify(header);
  if (!verified.ok) {
    const why =
      verified.reason === 'missing' ? 'the Authorization header carries no token' : verified.description;
    throw new UnauthorizedError(`The bearer token was refused: ${why}`, 'invalid_token');
  }
  assertAccessToken(verified.claims);
  // The shape API Gateway's JWT authorizer hands the function, so `callerOf` reads one place.
  context.authorizer = { jwt: { claims: verified.claims, scopes: null } };
};
