import { randomUUID } from 'node:crypto';
import { resolveFunction } from './arns.ts';
import { isObject, type Json, type JsonObject } from './asl.ts';
import { StateError } from './errors.ts';

/** What a `lambda:invoke` Task asks for once its Parameters are evaluated. */
export interface InvokeRequest {
  readonly functionName: string;
  readonly payload: Json;
  readonly invocationType: 'RequestResponse' | 'Event' | 'DryRun';
}

/**
 * Reads the evaluated Parameters of a `lambda:invoke` Task. The function is looked up again because
 * `FunctionName.$` is only known now; an unknown one fails the state as Lambda's Invoke would.
 * `Qualifier` and `ClientContext` have no local meaning and are ignored.
 */
export function invokeRequest(
  parameters: Json,
  functionArns: Readonly<Record<string, string>>,
): InvokeRequest {
  const fields = isObject(parameters) ? parameters : {};
  const reference = typeof fields.FunctionName === 'string' ? fields.FunctionName : '';
  const functionName = resolveFunction(reference, functionArns);
  if (!functionName) {
    throw new StateError(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${reference} (Service: Lambda, Status Code: 404)`,
    );
  }
  const type = fields.InvocationType;
  const invocationType = type === 'Event' || type === 'DryRun' ? type : 'RequestResponse';
  // Without Payload the function receives an empty object, as with an empty Invoke payload.
  return { functionName, payload: fields.Payload ?? {}, invocationType };
}

const statusCodes = { RequestResponse: 200, Event: 202, DryRun: 204 } as const;

/**
 * The result of the optimized Lambda integration: Lambda's Invoke response with the function output
 * parsed into `Payload`, plus the SDK metadata Step Functions adds, so ResultSelector paths written
 * against AWS (`$.Payload`, `$.StatusCode`) select the same values locally.
 */
export function invokeResult(invocationType: InvokeRequest['invocationType'], payload: Json): JsonObject {
  const requestId = randomUUID();
  const statusCode = statusCodes[invocationType];
  const headers = {
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-RequestId': requestId,
  };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: statusCode,
  };
}
