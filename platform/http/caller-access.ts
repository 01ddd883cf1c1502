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
 * authorizer has already proved the token; this checks that claims are present and, for admin routes,
 * that the caller is in the `admin` group. `optional` routes have no authorizer, so a presented token is
 * verified here (with `verify`) and its claims put where the authorizer puts them.
 */
export const checkAccess = async (
  access: Access,
  event: APIGatewayProxyEventV2,
  verify: VerifyToken | undefined,
): Promise<Caller | undefined> => {
  if (access === 'public') return undefined;
  if (access === 'optional') {
    if (!verify) throw new Error('An optional route needs the token issuer settings');
    await identify(event, verify);
    return callerOf(event);
  }
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  if (access === 'admin' && !caller.groups.includes('admin')) throw new ForbiddenError();
  return caller;
};

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
  // The shape API Gateway's JWT authorizer hands the function, so `callerOf` reads one place.
  context.authorizer = { jwt: { claims: verified.claims, scopes: null } };
};
