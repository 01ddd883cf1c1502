import type { Operation, OperationRoute } from '../http/operation.ts';

/** What the contract needs of an operation: everything but its logic. */
export type DocumentedOperation = Omit<Operation, 'handle'>;

/** A contract entry of a function not yet served through operations (its access comes from its route). */
export type ContractOperation = Omit<DocumentedOperation, 'access' | 'route'> & {
  readonly route: Exclude<OperationRoute, '$default'>;
};

/** Declares a context's contract entries; only there to type-check each entry where it is written. */
export const defineOperations = <const T extends readonly ContractOperation[]>(operations: T): T =>
  operations;
