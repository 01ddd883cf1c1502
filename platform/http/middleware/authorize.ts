import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { ForbiddenError, UnauthorizedError } from '../../errors/index.ts';
import { callerOf } from '../identity.ts';
import { jwtVerifier, type VerifyToken } from '../jwt.ts';

const routeAccess = z.record(z.string(), z.enum(['public', 'optional', 'customer', 'admin']));

// Set by both clouds (app/environment.ts) on functions serving an `optional` route, and only on those.
const tokenIssuer = z.object({
  AUTH_ISSUER: z.url(),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: z.url(),
});

/** A verifier for this function's `optional` routes, from the issuer settings in its environment. */
const verifierFromEnvironment = (): VerifyToken => {
  const env = tokenIssuer.parse(process.env);
  return jwtVerifier({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL });
};

/**
 * Enforces the route's access from the definition (`ROUTE_ACCESS`, set by both clouds). On `customer`
 * and `admin` routes API Gateway's JWT authorizer has already proved the token; this checks that claims
 * are present and, for admin routes, that the caller is in the `admin` group. `optional` routes have no
 * authorizer, so a presented token is verified here and its claims put where the authorizer puts them.
 */
export const authorize = (): MiddlewareObj<APIGatewayProxyEventV2> => {
  const access = routeAccess.parse(JSON.parse(process.env.ROUTE_ACCESS ?? '{}'));
  // One verifier per function instance (jose caches the JWKS it fetches on first use), made at cold
  // start so missing issuer settings fail the instance, not a customer's request.
  const verify = Object.values(access).includes('optional') ? verifierFromEnvironment() : undefined;
  return {
    before: async ({ event }) => {
      const required = access[event.routeKey] ?? 'public';
      if (required === 'public') return;
      // `verify` exists whenever a route of this function is optional.
      if (required === 'optional') return identify(event, verify!);
      const caller = callerOf(event);
      if (!caller) throw new UnauthorizedError();
      if (required === 'admin' && !caller.groups.includes('admin')) throw new ForbiddenError();
    },
  };
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
