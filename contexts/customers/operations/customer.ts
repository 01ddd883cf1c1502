import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnauthorizedError } from '#platform/errors/index.ts';
import { callerOf } from '#platform/http/identity.ts';

/** The signed-in customer: id from the token's `sub`; email only when the token carries one. */
export interface CustomerIdentity {
  readonly customerId: string;
  readonly email: string | null;
}

/** The customer calling a `customer` route (the authorizer has proved the token; claims must exist). */
export const customerOf = (event: APIGatewayProxyEventV2): CustomerIdentity => {
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  // Cognito access tokens carry no email; an ID token (also accepted by the JWT authorizer) does.
  return { customerId: caller.sub, email: caller.email ?? null };
};
