import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyText } from '../net/read-body.ts';
import { ApiError } from './errors.ts';

/** One API action: the parsed JSON request in, the JSON response out (or an ApiError thrown). */
export type Operation = (input: unknown) => unknown;

const contentType = 'application/x-amz-json-1.0';
const targetPrefix = 'AWSStepFunctions.';
// Execution input and task output are capped at 256 KiB; a request far larger is not one the SDK sends.
const maxBodyBytes = 1024 * 1024;

/**
 * Serves the AWS JSON 1.0 protocol the SDK speaks: `POST /`, the action in `X-Amz-Target`, JSON in
 * both directions. Errors are HTTP 400 with `__type` (also in `x-amzn-ErrorType`), which the SDK maps
 * to its typed exceptions; anything unexpected is a 500 the SDK reports as a service error.
 */
export async function serveRequest(
  request: IncomingMessage,
  response: ServerResponse,
  operations: Readonly<Record<string, Operation>>,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const operation = operationFor(request, operations);
    const input = parseBody(await readBody(request));
    send(response, requestId, 200, (await operation(input)) ?? {});
  } catch (error) {
    const known =
      error instanceof ApiError
        ? error
        : new ApiError('InternalFailure', error instanceof Error ? error.message : String(error), 500);
    send(response, requestId, known.statusCode, { __type: known.type, message: known.message }, known.type);
  }
}

/** Step Functions timestamps travel as epoch seconds with a fractional part. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function operationFor(request: IncomingMessage, operations: Readonly<Record<string, Operation>>): Operation {
  const target = request.headers['x-amz-target'];
  const action =
    typeof target === 'string' && target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
  const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
  if (request.method !== 'POST' || !operation) {
    throw new ApiError('UnknownOperationException', `Unknown operation: ${String(target)}`);
  }
  return operation;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const body = await readBodyText(request, maxBodyBytes);
  if (body === undefined) throw new ApiError('ValidationException', 'Request body is too large', 413);
  return body;
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON');
  }
}

function send(
  response: ServerResponse,
  requestId: string,
  status: number,
  body: unknown,
  errorType?: string,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}
