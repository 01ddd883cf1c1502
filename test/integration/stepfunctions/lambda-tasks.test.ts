import {
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { Invoke } from '#local/lambda/types.ts';
import { type StepFunctionsEndpoint, start } from '#local/stepfunctions/index.ts';
import {
  accountId,
  closedExecution,
  eventually,
  functionArns,
  functionError,
  recordingInvoke,
  recordTokenArn,
  region,
  sfnClient,
  workerArn,
} from './helpers.ts';

const invokeWorker = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: workerArn, 'Payload.$': '$' },
  ...extra,
});

describe('local Step Functions: Lambda Task states', () => {
  let endpoint: StepFunctionsEndpoint | undefined;
  let client: SFNClient;

  afterEach(async () => {
    client?.destroy();
    await endpoint?.stop();
  });

  async function run(states: Record<string, unknown>, invoke: Invoke, input: unknown = {}, name?: string) {
    endpoint = await start({
      region,
      accountId,
      stateMachines: [
        { name: 'flow', definition: JSON.stringify({ StartAt: 'First', States: states }), type: 'STANDARD' },
      ],
      functionArns,
      invoke,
    });
    client = sfnClient(endpoint.url);
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn('flow'),
        input: JSON.stringify(input),
        name,
      }),
    );
    return closedExecution(client, executionArn!);
  }

  it('retries a function that fails with Lambda.ServiceException until it succeeds', async () => {
    const recorder = recordingInvoke((_, index) => {
      if (index < 2) throw functionError('Lambda.ServiceException', 'Rate exceeded');
      return { reserved: true };
    });
    const retry = [
      { ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 2 },
    ];
    const execution = await run({ First: invokeWorker({ Retry: retry, End: true }) }, recorder.invoke, {
      sku: 'A',
    });
    expect(recorder.calls).toHaveLength(3);
    expect(recorder.calls.map((call) => call.event)).toEqual([{ sku: 'A' }, { sku: 'A' }, { sku: 'A' }]);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { reserved: true },
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
  });

  it('fails the execution with the function error type and Lambda error payload as cause', async () => {
    const recorder = recordingInvoke(() => {
      throw functionError('OutOfStock', 'SKU A is sold out');
    });
    const execution = await run({ First: invokeWorker({ End: true }) }, recorder.invoke);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OutOfStock' });
    expect(JSON.parse(execution.cause!)).toMatchObject({
      errorType: 'OutOfStock',
      errorMessage: 'SKU A is sold out',
    });
  });

  it('lets Catch match a function error by its type', async () => {
    const recorder = recordingInvoke((call) => {
      if (call.functionName === 'worker') throw functionError('OutOfStock', 'sold out');
      return 'released';
    });
    const states = {
      First: invokeWorker({
        Catch: [
          { ErrorEquals: ['PaymentDeclined'], Next: 'Wrong' },
          { ErrorEquals: ['OutOfStock'], ResultPath: '$.error', Next: 'Release' },
        ],
        End: true,
      }),
      Wrong: { Type: 'Fail', Error: 'WrongCatcher' },
      Release: { Type: 'Task', Resource: recordTokenArn, ResultPath: '$.released', End: true },
    };
    const execution = await run(states, recorder.invoke, { order: 'o-1' });
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output!);
    expect(output).toMatchObject({ order: 'o-1', released: 'released', error: { Error: 'OutOfStock' } });
    expect(JSON.parse(output.error.Cause)).toMatchObject({ errorMessage: 'sold out' });
  });

  it('passes the state input to a function named by ARN and returns its result as is', async () => {
    const recorder = recordingInvoke((call) => ({ echoed: call.event }));
    const execution = await run(
      { First: { Type: 'Task', Resource: workerArn, End: true } },
      recorder.invoke,
      {
        n: 1,
      },
    );
    expect(JSON.parse(execution.output!)).toEqual({ echoed: { n: 1 } });
  });

  it('fills the context object: execution, state machine and current state', async () => {
    const states = {
      First: { Type: 'Pass', Next: 'Second' },
      Second: {
        Type: 'Pass',
        Parameters: {
          'executionId.$': '$$.Execution.Id',
          'executionName.$': '$$.Execution.Name',
          'input.$': '$$.Execution.Input',
          'startTime.$': '$$.Execution.StartTime',
          'machineId.$': '$$.StateMachine.Id',
          'machineName.$': '$$.StateMachine.Name',
          'stateName.$': '$$.State.Name',
          'enteredTime.$': '$$.State.EnteredTime',
        },
        End: true,
      },
    };
    const execution = await run(states, recordingInvoke().invoke, { a: 1 }, 'ctx-1');
    const output = JSON.parse(execution.output!);
    expect(output).toMatchObject({
      executionId: execution.executionArn,
      executionName: 'ctx-1',
      input: { a: 1 },
      machineId: execution.stateMachineArn,
      machineName: 'flow',
      stateName: 'Second',
    });
    expect(Math.abs(Date.parse(output.startTime) - execution.startDate!.getTime())).toBeLessThan(50);
    expect(Date.parse(output.enteredTime)).toBeGreaterThanOrEqual(Date.parse(output.startTime));
  });

  const callbackTask = (extra: Record<string, unknown>) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: { FunctionName: workerArn, Payload: { 'token.$': '$$.Task.Token', 'item.$': '$' } },
    ...extra,
  });

  it('times a callback task out when no heartbeat arrives within HeartbeatSeconds', async () => {
    const states = {
      First: callbackTask({
        HeartbeatSeconds: 1,
        TimeoutSeconds: 20,
        Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Silent' }],
        End: true,
      }),
      Silent: { Type: 'Pass', OutputPath: '$.error.Error', End: true },
    };
    const started = Date.now();
    const execution = await run(states, recordingInvoke().invoke);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: '"States.HeartbeatTimeout"' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps a callback task alive while heartbeats arrive', async () => {
    const recorder = recordingInvoke();
    const states = { First: callbackTask({ HeartbeatSeconds: 1, End: true }) };
    const execution = run(states, recorder.invoke);
    const token = await eventually(() => (recorder.calls[0]?.event as { token?: string } | undefined)?.token);
    for (const _ of [1, 2, 3]) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    }
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"alive"' }));
    expect(await execution).toMatchObject({ status: 'SUCCEEDED', output: '"alive"' });
  });

  it('gives each callback task of a Map its own token', async () => {
    const recorder = recordingInvoke();
    const states = {
      First: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { StartAt: 'Wait', States: { Wait: callbackTask({ End: true }) } },
        End: true,
      },
    };
    const execution = run(states, recorder.invoke, { items: ['a', 'b', 'c'] });
    const events = await eventually(() => (recorder.calls.length === 3 ? recorder.calls : undefined));
    const tokens = events.map((call) => call.event as { token: string; item: string });
    expect(new Set(tokens.map((t) => t.token)).size).toBe(3);
    for (const { token, item } of tokens) {
      await client.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(item.toUpperCase()) }),
      );
    }
    expect(await execution).toMatchObject({ status: 'SUCCEEDED', output: '["A","B","C"]' });
  });

  it('runs an Express state machine synchronously', async () => {
    endpoint = await start({
      region,
      accountId,
      stateMachines: [
        {
          name: 'express',
          type: 'EXPRESS',
          definition: JSON.stringify({
            StartAt: 'First',
            States: { First: { Type: 'Task', Resource: workerArn, End: true } },
          }),
        },
      ],
      functionArns,
      invoke: async () => ({ total: 1200 }),
    });
    client = sfnClient(endpoint.url);
    const result = await client.send(
      new StartSyncExecutionCommand({ stateMachineArn: endpoint.stateMachineArn('express'), input: '{}' }),
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"total":1200}' });
    expect(result.executionArn).toMatch(/:express:express:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
  });
});
