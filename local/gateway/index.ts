export { claimValue, stringifyClaims } from '#platform/http/jwt-claims.ts';
export type { Authorization, JwtAuthorizerConfig } from './authorizer.ts';
export { type ServedCors, servedCors } from './cors.ts';
export { type EventContext, formatEvent, withJwtAuthorizer } from './event.ts';
export { type GatewayRequest, PAYLOAD_LIMIT_BYTES } from './request.ts';
export { type ServedRoute, servedRoutes } from './routes.ts';
export type { Gateway, GatewayOptions } from './server.ts';
export { start } from './server.ts';
export { type RouteLimit, routeThrottle, type Throttle } from './throttle.ts';
