import type { Caller } from '#platform/http/identity.ts';
import type { Actor } from '../data/change-transaction.ts';

/** The admin making a change, for the audit record: the caller the router verified (`input.caller`). */
export const actorOf = (caller: Caller): Actor => ({
  sub: caller.sub,
  ...(caller.email ? { email: caller.email } : {}),
});
