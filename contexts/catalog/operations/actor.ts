import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnauthorizedError } from '#platform/errors/index.ts';
import { callerOf } from '#platform/http/identity.ts';
import type { Actor } from '../data/change-transaction.ts';

/** The admin making a change, for the audit record (the authorizer has proved the token). */
export const actorOf = (event: APIGatewayProxyEventV2): Actor => {
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  return { sub: caller.sub, ...(caller.email ? { email: caller.email } : {}) };
};
