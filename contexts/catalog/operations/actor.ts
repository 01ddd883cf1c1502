import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnauthorizedError } from '#platform/errors/index.ts';
import { type Caller, callerOf } from '#platform/http/identity.ts';
import type { Actor } from '../data/change-transaction.ts';

/** The admin making a change, for the audit record: the caller the router verified (`input.caller`). */
export function actorOf(caller: Caller): Actor;
/**
 * @deprecated Transitional, for inventory's per-route handlers (they read the caller from the event);
 * remove once they are served through operations.
 */
export function actorOf(event: APIGatewayProxyEventV2): Actor;
export function actorOf(from: Caller | APIGatewayProxyEventV2): Actor {
  const caller = 'sub' in from ? from : callerOf(from);
  if (!caller) throw new UnauthorizedError();
  return { sub: caller.sub, ...(caller.email ? { email: caller.email } : {}) };
}
