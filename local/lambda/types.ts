/**
 * Invokes a function of the application definition by name with an event, as Lambda's synchronous
 * Invoke does, and resolves to what the handler returned. A handler that throws rejects with a
 * `FunctionError` carrying the error's name and message, like Lambda's `FunctionError: Unhandled`.
 */
export type Invoke = (functionName: string, event: unknown) => Promise<unknown>;

/** A handler failure reported by the local Lambda runtime. */
export class FunctionError extends Error {
  readonly errorType: string;
  constructor(errorType: string, message: string) {
    super(message);
    this.name = 'FunctionError';
    this.errorType = errorType;
  }
}
