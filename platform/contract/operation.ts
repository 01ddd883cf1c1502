import type { Operation } from '../http/operation.ts';

/** What the contract needs of an operation: everything but its logic. */
export type DocumentedOperation = Omit<Operation, 'handle'>;
