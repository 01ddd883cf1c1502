import { randomUUID } from 'node:crypto';
import { FunctionError } from '#local/lambda/types.ts';

/**
 * An error the Step Functions API answers with. `type` is the wire `__type` the AWS SDK turns into its
 * typed exception (`ExecutionDoesNotExist`, `TaskTimedOut`, ...).
 */
export class ApiError extends Error {
  readonly type: string;
  readonly statusCode: number;
  constructor(type: string, message: string, statusCode = 400) {
    super(message);
    this.name = 'ApiError';
    this.type = type;
    this.statusCode = statusCode;
  }
}

/**
 * An error raised inside a state. aws-local-stepfunctions matches Retry/Catch `ErrorEquals` against
 * `name` and reports `message` as the `Cause`, so both must carry exactly what AWS would.
 */
export class StateError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/**
 * AWS names a missed heartbeat `States.HeartbeatTimeout` and lets `States.Timeout` match it too; the
 * definition is prepared so that every `States.Timeout` retrier and catcher also lists this name.
 */
export const heartbeatTimeout = (): StateError =>
  new StateError('States.HeartbeatTimeout', 'The task did not send a heartbeat in time');

/**
 * The state error for a failed Lambda invocation. A handler error keeps its `errorType` as the Error (so
 * `ErrorEquals: ["OutOfStock"]` works) and Lambda's error payload, as JSON, as the Cause. Anything
 * else is the local runtime failing, which AWS would report as a Lambda service error.
 */
export function lambdaStateError(error: unknown): StateError {
  if (error instanceof FunctionError) {
    const payload = { errorType: error.errorType, errorMessage: error.message, trace: [] };
    return new StateError(error.errorType, JSON.stringify(payload));
  }
  const message = error instanceof Error ? error.message : String(error);
  const payload = { errorType: 'ServiceException', errorMessage: message, requestId: randomUUID() };
  return new StateError('Lambda.ServiceException', JSON.stringify(payload));
}
