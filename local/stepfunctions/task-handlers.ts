import type { RunOptions } from 'aws-local-stepfunctions';
import type { Invoke } from '#local/lambda/types.ts';
import { type Json, toJson } from './asl.ts';
import { lambdaStateError, StateError } from './errors.ts';
import type { ExecutionRecord } from './execution-record.ts';
import { type InvokeRequest, invokeRequest, invokeResult } from './lambda-invoke.ts';
import { startExecutionResult, startExecutionStateError, taskStartRequest } from './start-execution.ts';
import type { TaskSpec } from './task-spec.ts';
import type { TaskTokens } from './task-tokens.ts';

type Handlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

/** What the Task states of one execution need from the rest of the endpoint. */
export interface TaskScope {
  readonly executionArn: string;
  readonly functionArns: Readonly<Record<string, string>>;
  readonly invoke: Invoke;
  readonly tokens: TaskTokens;
  /** StartExecution on this endpoint, with its rules (names, idempotency, unknown machines). */
  startExecution(request: unknown): ExecutionRecord;
  /** Must be called synchronously when the handler starts: see `liveContext`. */
  claimToken(): string;
  /** False once the execution ended or was stopped; the engine may still attempt a retry then. */
  isOpen(): boolean;
  /**
   * Resolves when the execution closes. Every task still running then resolves with null, so the
   * (already aborted) engine unwinds and clears its task timers instead of waiting on them.
   */
  readonly closed: Promise<void>;
}

/**
 * One local handler per Task state (engine overrides are keyed by state name, which ASL keeps unique
 * across the whole machine, nested branches included), each calling the application's functions.
 */
export function taskHandlers(tasks: ReadonlyMap<string, TaskSpec>, scope: TaskScope): Handlers {
  return Object.fromEntries([...tasks].map(([stateName, spec]) => [stateName, handlerFor(spec, scope)]));
}

function handlerFor(spec: TaskSpec, scope: TaskScope): (input: Json) => Promise<Json> {
  return (input) => {
    // Synchronously: the token minted for this state's Parameters is only claimable right now.
    const token = spec.kind === 'invoke' && spec.waitForTaskToken ? scope.claimToken() : undefined;
    if (!scope.isOpen()) return Promise.resolve(null);
    return Promise.race([perform(spec, input, token, scope), scope.closed.then(() => null)]);
  };
}

async function perform(
  spec: TaskSpec,
  input: Json,
  token: string | undefined,
  scope: TaskScope,
): Promise<Json> {
  if (spec.kind === 'function') return callFunction(spec.functionName, input, scope);
  if (spec.kind === 'startExecution') return startChild(input, scope);
  const request = invokeRequest(input, scope.functionArns);
  if (token === undefined) return invokeOptimized(request, scope);
  return awaitCallback(token, request, spec, scope);
}

async function startChild(parameters: Json, scope: TaskScope): Promise<Json> {
  try {
    return startExecutionResult(scope.startExecution(taskStartRequest(parameters)));
  } catch (error) {
    throw startExecutionStateError(error);
  }
}

async function callFunction(functionName: string, event: Json, scope: TaskScope): Promise<Json> {
  try {
    return toJson(await scope.invoke(functionName, toJson(event)));
  } catch (error) {
    throw lambdaStateError(error);
  }
}

async function invokeOptimized(request: InvokeRequest, scope: TaskScope): Promise<Json> {
  if (request.invocationType === 'DryRun') return invokeResult('DryRun', '');
  if (request.invocationType === 'Event') {
    // Asynchronous invocation: AWS does not wait, and a failure never reaches the execution.
    scope.invoke(request.functionName, toJson(request.payload)).catch(() => undefined);
    return invokeResult('Event', '');
  }
  return invokeResult('RequestResponse', await callFunction(request.functionName, request.payload, scope));
}

function awaitCallback(
  token: string,
  request: InvokeRequest,
  spec: Extract<TaskSpec, { kind: 'invoke' }>,
  scope: TaskScope,
): Promise<Json> {
  const wait = scope.tokens.wait(token, {
    executionArn: scope.executionArn,
    timeoutSeconds: spec.timeoutSeconds,
    heartbeatSeconds: spec.heartbeatSeconds,
  });
  // The function's own result is ignored: the output is whatever SendTaskSuccess brings. Its failure
  // fails the task, and the heartbeat clock starts once it has returned (immediately for Event).
  const invocation =
    request.invocationType === 'RequestResponse'
      ? callFunction(request.functionName, request.payload, scope)
      : invokeOptimized(request, scope);
  invocation.then(
    () => wait.startHeartbeat(),
    (error: unknown) => wait.fail(error instanceof StateError ? error : lambdaStateError(error)),
  );
  return wait.promise;
}
