import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
} from 'aws-local-stepfunctions';
import type { Invoke } from '#local/lambda/types.ts';
import type { Json } from './asl.ts';
import type { ExecutionRecord } from './execution-record.ts';
import { liveContext } from './live-context.ts';
import { asEngineDefinition, type PreparedMachine } from './prepare.ts';
import { taskHandlers } from './task-handlers.ts';
import type { TaskTokens } from './task-tokens.ts';

export type { ExecutionRecord, ExecutionStatus } from './execution-record.ts';

export interface EngineDeps {
  readonly functionArns: Readonly<Record<string, string>>;
  readonly invoke: Invoke;
  readonly tokens: TaskTokens;
  /** StartExecution on this endpoint (a StartExecution request body), for `states:startExecution` Tasks. */
  readonly startExecution: (request: unknown) => ExecutionRecord;
}

type Outcome = Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>;

/** A started execution: its record, and how to stop it. */
export interface Running {
  readonly record: ExecutionRecord;
  stop(error?: string, cause?: string): void;
}

/**
 * Starts one execution on a fresh engine instance: each one needs its own definition copy, because
 * that copy carries the execution's `$$.State` tracking (see `liveContext`).
 */
export function runExecution(
  machine: PreparedMachine,
  identity: { readonly executionArn: string; readonly name: string; readonly input: string },
  deps: EngineDeps,
): Running {
  const live = liveContext(
    {
      executionArn: identity.executionArn,
      name: identity.name,
      stateMachineArn: machine.arn,
      stateMachineName: machine.name,
      roleArn: machine.roleArn,
    },
    machine.runnable,
    () => deps.tokens.mint(),
  );
  const { promise: closed, resolve: markClosed } = Promise.withResolvers<void>();
  const record: ExecutionRecord = { ...identity, machine, startDate: new Date(), status: 'RUNNING', closed };
  const close = (outcome: Outcome): void => {
    if (record.status !== 'RUNNING') return;
    Object.assign(record, outcome, { stopDate: new Date() });
    // Callback tasks still waiting belong to a closed execution now: late SendTask* get TaskTimedOut.
    deps.tokens.closeExecution(record.executionArn);
    markClosed();
  };
  const engine = new StateMachine(asEngineDefinition(live.definition), {
    validationOptions: { noValidate: true },
  });
  const handlers = taskHandlers(machine.tasks, {
    executionArn: record.executionArn,
    functionArns: deps.functionArns,
    invoke: deps.invoke,
    tokens: deps.tokens,
    startExecution: deps.startExecution,
    claimToken: live.claimToken,
    isOpen: () => record.status === 'RUNNING',
    closed,
  });
  const execution = engine.run(JSON.parse(identity.input) as Json, {
    context: live.context,
    overrides: { taskResourceLocalHandlers: handlers },
  });
  execution.result.then(
    (output) => close({ status: 'SUCCEEDED', output: JSON.stringify(output) }),
    (error: unknown) => close(outcomeOf(error)),
  );
  return {
    record,
    stop: (error, cause) => {
      if (record.status !== 'RUNNING') return;
      close({ status: 'ABORTED', error, cause });
      execution.abort();
    },
  };
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ExecutionTimeoutError) {
    return {
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'The execution ran longer than its TimeoutSeconds',
    };
  }
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  // The engine wraps the error of the state that failed the execution; its name is the Error.
  const stateError = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  if (stateError instanceof Error) {
    return { status: 'FAILED', error: stateError.name, cause: stateError.message };
  }
  return { status: 'FAILED', error: 'States.Runtime', cause: String(stateError) };
}
