import type { Access } from './types.ts';

/**
 * Whether API Gateway's JWT authorizer guards routes of this access. An HTTP API authorizer cannot be
 * optional (no token → 401), so `optional` routes have none and their function verifies a token itself.
 * Both clouds and the tests ask this one question, so they cannot disagree about a route.
 */
export const gatewayAuthorizes = (access: Access): boolean => access === 'customer' || access === 'admin';

/** Whether the function verifies a presented bearer token itself (and so needs the issuer settings). */
export const functionVerifiesToken = (access: Access): boolean => access === 'optional';
