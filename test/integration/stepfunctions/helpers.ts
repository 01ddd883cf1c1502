import { readFileSync } from 'node:fs';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll } from 'vitest';
import { app } from '#app/definition.ts';
import { FunctionError, type Invoke } from '#local/lambda/types.ts';
import { substitute } from '#local/state-machines.ts';
import { type StateMachineSource, type StepFunctionsEndpoint, start } from '#local/stepfunctions/index.ts';

export const region = 'us-east-1';
export const accountId = '123456789012';
export const recordTokenArn = `arn:aws:lambda:${region}:${accountId}:function:commerce-recordTaskToken`;
export const workerArn = `arn:aws:lambda:${region}:${accountId}:function:commerce-worker`;
export const functionArns = { [recordTokenArn]: 'recordTaskToken', [workerArn]: 'worker' };

/** The repository's approval state machine, substituted as both clouds do, with a short timeout. */
export function approvalDefinition(decisionTimeoutSeconds: number): string {
  const { definitionFile, substitutions } = app.stateMachines.approval!;
  return substitute(
    readFileSync(definitionFile, 'utf8'),
    { ...substitutions, DecisionTimeoutSeconds: { literal: String(decisionTimeoutSeconds) } },
    {
      functionArn: () => recordTokenArn,
      stateMachineArn: (name) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`,
    },
  );
}

export interface Call {
  readonly functionName: string;
  readonly event: unknown;
}

/**
 * A fake `invoke` that records every call. `behaviour` decides the result per call (its index counts
 * calls to that function); by default a function returns null.
 */
export function recordingInvoke(behaviour: (call: Call, index: number) => unknown = () => null) {
  const calls: Call[] = [];
  const invoke: Invoke = async (functionName, event) => {
    const call = { functionName, event };
    const index = calls.filter((c) => c.functionName === functionName).length;
    calls.push(call);
    return behaviour(call, index);
  };
  return { invoke, calls };
}

/** A handler failure as the local Lambda runtime reports it. */
export const functionError = (errorType: string, message: string) => new FunctionError(errorType, message);

export function sfnClient(endpoint: string): SFNClient {
  return new SFNClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // StartSyncExecution would otherwise go to a `sync-` prefixed host.
    disableHostPrefix: true,
  });
}

/** Polls until `read` returns a value other than undefined. */
export async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Nothing arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the execution has closed and returns its description. */
export function closedExecution(
  client: SFNClient,
  executionArn: string,
): Promise<DescribeExecutionCommandOutput> {
  return eventually(async () => {
    const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
    return execution.status === 'RUNNING' ? undefined : execution;
  });
}

/** The task token the approval machine handed to its function in call `index`. */
export function tokenOf(call: Call | undefined): string | undefined {
  return (call?.event as { taskToken?: string } | undefined)?.taskToken;
}

/**
 * A local Step Functions endpoint serving `stateMachines` for the tests of one file (started before
 * them, stopped after), with an SDK client of it; read both through the returned getters.
 */
export function useEndpoint(options: {
  readonly stateMachines: ReadonlyArray<StateMachineSource>;
  readonly invoke: Invoke;
  readonly functionArns?: Readonly<Record<string, string>>;
}) {
  const live: { endpoint?: StepFunctionsEndpoint; client?: SFNClient } = {};
  beforeAll(async () => {
    live.endpoint = await start({
      region,
      accountId,
      stateMachines: options.stateMachines,
      functionArns: options.functionArns ?? functionArns,
      invoke: options.invoke,
    });
    live.client = sfnClient(live.endpoint.url);
  });
  afterAll(async () => {
    live.client?.destroy();
    await live.endpoint?.stop();
  });
  return {
    get endpoint(): StepFunctionsEndpoint {
      if (!live.endpoint) throw new Error('The endpoint starts before the tests');
      return live.endpoint;
    },
    get client(): SFNClient {
      if (!live.client) throw new Error('The endpoint starts before the tests');
      return live.client;
    },
  };
}
