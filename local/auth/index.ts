export type { AccessTokenClaims, MintInput } from './claims.ts';
export { subjectFor } from './claims.ts';
export type { Issuer, IssuerOptions } from './issuer.ts';
export { start } from './issuer.ts';
