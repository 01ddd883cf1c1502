export type { Authorization, JwtAuthorizerConfig } from './authorizer.ts';
export { claimValue, stringifyClaims } from './claims.ts';
export { type EventContext, formatEvent, withJwtAuthorizer } from './event.ts';
export { type GatewayRequest, PAYLOAD_LIMIT_BYTES } from './request.ts';
export { servedRoutes } from './routes.ts';
export type { Gateway, GatewayOptions } from './server.ts';
export { start } from './server.ts';
