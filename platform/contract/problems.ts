import type { Access } from '../definition/access.ts';
import type { DocumentedOperation } from './operation.ts';
import type { ProblemStatus } from './problem.ts';

/** The `code`s of each problem status an operation can answer with. */
export type ProblemCodes = ReadonlyMap<ProblemStatus, readonly string[]>;

/**
 * The problems an operation can end in: those every handler shares (from its input and its route's
 * access) plus the ones it declares. A `customer`/`admin` 401 is absent here: API Gateway's authorizer
 * answers it; an `optional` route's function refuses a bad token itself, as problem+json.
 */
export const problemsOf = (
  operation: Pick<DocumentedOperation, 'request' | 'problems'>,
  access: Access,
): ProblemCodes => {
  const request = operation.request ?? {};
  const shared: Partial<Record<ProblemStatus, readonly string[]>> = {
    ...(Object.keys(request).length > 0 ? { 400: ['validation_failed'] } : {}),
    ...(access === 'optional' ? { 401: ['invalid_token'] } : {}),
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
