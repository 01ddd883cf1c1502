import type { Access } from '../definition/access.ts';
import type { DocumentedOperation } from './operation.ts';
import type { ProblemStatus } from './problem.ts';

/** The `code`s of each problem status an operation can answer with. */
export type ProblemCodes = ReadonlyMap<ProblemStatus, readonly string[]>;

/**
 * The problems an operation can end in: those every handler shares (from its input and its route's
 * access) plus the ones it declares. Every route that takes a token can answer 401 `invalid_token` from
 * its function: an `optional` route's function verifies the token itself, and on `customer`/`admin`
 * routes (whose missing or forged tokens API Gateway's authorizer refuses) the function refuses an ID
 * token the authorizer let through (only access tokens are accepted).
 */
export const problemsOf = (
  operation: Pick<DocumentedOperation, 'request' | 'problems'>,
  access: Access,
): ProblemCodes => {
  const request = operation.request ?? {};
  const shared: Partial<Record<ProblemStatus, readonly string[]>> = {
    ...(Object.keys(request).length > 0 ? { 400: ['validation_failed'] } : {}),
    ...(access !== 'public' ? { 401: ['invalid_token'] } : {}),
    ...(access === 'admin' ? { 403: ['forbidden'] } : {}),
    ...(request.body ? { 413: ['payload_too_large'] } : {}),
    500: ['internal_error'],
  };
  const codes = new Map<ProblemStatus, readonly string[]>();
  for (const source of [shared, operation.problems ?? {}]) {
    for (const [status, list] of Object.entries(source)) {
      const key = Number(status) as ProblemStatus;
      codes.set(key, [...new Set([...(codes.get(key) ?? []), ...(list ?? [])])]);
    }
  }
  return new Map([...codes].sort(([a], [b]) => a - b));
};
