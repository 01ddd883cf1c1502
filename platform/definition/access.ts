/**
 * Who may call a route:
 * - `public`: anyone; the handler never learns who.
 * - `optional`: anyone; when a valid customer token is presented the handler knows the caller (a guest
 *   cart and a customer's cart on the same routes). API Gateway cannot make a JWT authorizer optional, so
 *   these routes have no authorizer and the function verifies a presented token itself; a presented
 *   token that fails is a 401, never a guest.
 * - `customer`: any signed-in customer (API Gateway's JWT authorizer).
 * - `admin`: members of the `admin` group (authorizer, then the group check in the function).
 */
export type Access = 'public' | 'optional' | 'customer' | 'admin';

/**
 * Whether API Gateway's JWT authorizer guards routes of this access. An HTTP API authorizer cannot be
 * optional (no token → 401), so `optional` routes have none and their function verifies a token itself.
 * Both clouds and the tests ask this one question, so they cannot disagree about a route.
 */
export const gatewayAuthorizes = (access: Access): boolean => access === 'customer' || access === 'admin';

/** Whether the function verifies a presented bearer token itself (and so needs the issuer settings). */
export const functionVerifiesToken = (access: Access): boolean => access === 'optional';
