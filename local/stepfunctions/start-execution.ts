import { randomUUID } from 'node:crypto';
import { isObject, type Json, type JsonObject } from './asl.ts';
import { ApiError, StateError } from './errors.ts';
import type { ExecutionRecord } from './execution-record.ts';

/**
 * The StartExecution request a `states:startExecution` Task makes from its evaluated Parameters. An
 * `Input` that is not a string is sent as its JSON text (AWS serializes it the same way); without
 * one the child starts with `{}`. Anything not a string is passed on for the API to refuse.
 */
export function taskStartRequest(parameters: Json): Record<string, unknown> {
  const fields = isObject(parameters) ? parameters : {};
  const input = fields.Input;
  return {
    stateMachineArn: fields.StateMachineArn,
    ...(fields.Name === undefined ? {} : { name: fields.Name }),
    input: input === undefined ? '{}' : typeof input === 'string' ? input : JSON.stringify(input),
  };
}

/**
 * The task result of the optimized integration: the StartExecution response with AWS's capitalized
 * field names, `StartDate` in epoch milliseconds, and the SDK metadata every optimized integration adds.
 */
export function startExecutionResult(record: ExecutionRecord): JsonObject {
  const requestId = randomUUID();
  const headers = { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': requestId };
  return {
    ExecutionArn: record.executionArn,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StartDate: record.startDate.getTime(),
  };
}

/**
 * A refused StartExecution as the Task's error: the integration names it `StepFunctions.` plus the
 * SDK exception class (`ExecutionAlreadyExists` → `StepFunctions.ExecutionAlreadyExistsException`),
 * which is what Retry and Catch match; the Cause carries the API message as the Java SDK words it.
 */
export function startExecutionStateError(error: unknown): StateError {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StateError('States.TaskFailed', message);
  }
  const exception = error.type.endsWith('Exception') ? error.type : `${error.type}Exception`;
  const cause =
    `${error.message} (Service: AWSStepFunctions; Status Code: ${error.statusCode}; ` +
    `Error Code: ${error.type}; Request ID: ${randomUUID()}; Proxy: null)`;
  return new StateError(`StepFunctions.${exception}`, cause);
}
