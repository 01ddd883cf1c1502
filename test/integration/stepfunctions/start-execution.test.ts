import {
  DescribeExecutionCommand,
  StartSyncExecutionCommand,
  type StartSyncExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { DefinitionError, start } from '#local/stepfunctions/index.ts';
import { accountId, functionArns, recordingInvoke, region, useEndpoint } from './helpers.ts';

const sagaArn = `arn:aws:states:${region}:${accountId}:stateMachine:saga`;
const startSaga = 'arn:aws:states:::states:startExecution';

/** A STANDARD machine that stays RUNNING, so same-name starts meet a running execution. */
const saga = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 600, End: true } } };

/** The checkout's shape: an EXPRESS machine whose last step starts the saga by name. */
const checkout = {
  StartAt: 'StartSaga',
  States: {
    StartSaga: {
      Type: 'Task',
      Resource: startSaga,
      Parameters: { StateMachineArn: sagaArn, 'Name.$': '$.name', Input: { 'order.$': '$.order' } },
      Catch: [
        {
          ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
          ResultPath: '$.error',
          Next: 'AlreadyStarted',
        },
      ],
      End: true,
    },
    AlreadyStarted: { Type: 'Pass', End: true },
  },
};

/** Everything from the input: the target, the name and the input (absent fields stay absent). */
const dynamic = {
  StartAt: 'Start',
  States: {
    Start: {
      Type: 'Task',
      Resource: startSaga,
      Parameters: { 'StateMachineArn.$': '$.target', 'Name.$': '$.name', 'Input.$': '$.input' },
      End: true,
    },
  },
};

/** Names its parent through the context object, as AWS's console links nested executions. */
const linked = {
  StartAt: 'Start',
  States: {
    Start: {
      Type: 'Task',
      Resource: startSaga,
      Parameters: {
        StateMachineArn: sagaArn,
        Input: { 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
      },
      End: true,
    },
  },
};

const express = (name: string, definition: object) =>
  ({ name, definition: JSON.stringify(definition), type: 'EXPRESS' }) as const;

describe('local Step Functions: states:startExecution Task states', () => {
  const sfn = useEndpoint({
    stateMachines: [
      { name: 'saga', definition: JSON.stringify(saga), type: 'STANDARD' },
      express('checkout', checkout),
      express('dynamic', dynamic),
      express('linked', linked),
    ],
    functionArns,
    invoke: recordingInvoke().invoke,
  });

  const runSync = (machine: string, input: unknown): Promise<StartSyncExecutionCommandOutput> =>
    sfn.client.send(
      new StartSyncExecutionCommand({
        stateMachineArn: sfn.endpoint.stateMachineArn(machine),
        input: JSON.stringify(input),
      }),
    );
  const outputOf = (run: StartSyncExecutionCommandOutput) => JSON.parse(run.output ?? 'null');
  const describeExecution = (executionArn: string) =>
    sfn.client.send(new DescribeExecutionCommand({ executionArn }));

  it('starts the STANDARD machine from an EXPRESS one, with the given name and input', async () => {
    const order = { id: 'ord_1', total: { amount: 1250, currency: 'EUR' } };
    const run = await runSync('checkout', { name: 'order-1', order });

    expect(run.status).toBe('SUCCEEDED');
    const result = outputOf(run);
    expect(result.ExecutionArn).toBe(`arn:aws:states:${region}:${accountId}:execution:saga:order-1`);
    const child = await describeExecution(result.ExecutionArn);
    expect(child).toMatchObject({ name: 'order-1', status: 'RUNNING', stateMachineArn: sagaArn });
    expect(JSON.parse(child.input ?? '')).toEqual({ order });
    // The optimized integration reports the start as epoch milliseconds.
    expect(result.StartDate).toBe(child.startDate?.getTime());
    expect(result.SdkHttpMetadata.HttpStatusCode).toBe(200);
  });

  it('answers a second start with the same name and input with the running execution', async () => {
    const input = { name: 'order-2', order: { id: 'ord_2' } };
    const first = outputOf(await runSync('checkout', input));
    const second = outputOf(await runSync('checkout', input));

    expect(second.error).toBeUndefined();
    expect(second.ExecutionArn).toBe(first.ExecutionArn);
    expect(second.StartDate).toBe(first.StartDate);
  });

  it('raises StepFunctions.ExecutionAlreadyExistsException to Catch when the input differs', async () => {
    const first = outputOf(await runSync('checkout', { name: 'order-3', order: { id: 'ord_3' } }));
    const run = await runSync('checkout', { name: 'order-3', order: { id: 'other' } });

    expect(run.status).toBe('SUCCEEDED');
    const { error } = outputOf(run);
    expect(error.Error).toBe('StepFunctions.ExecutionAlreadyExistsException');
    expect(error.Cause).toContain(first.ExecutionArn);
    expect(error.Cause).toContain('Error Code: ExecutionAlreadyExists');
  });

  it.each([
    [
      'an unknown machine',
      `arn:aws:states:${region}:${accountId}:stateMachine:nope`,
      'n',
      'StateMachineDoesNotExist',
    ],
    ['a malformed ARN', 'not-an-arn', 'n', 'InvalidArn'],
    ['an invalid execution name', sagaArn, 'has space', 'InvalidName'],
  ])('fails the execution with the integration error name for %s', async (_, target, name, code) => {
    const run = await runSync('dynamic', { target, name, input: {} });

    expect(run.status).toBe('FAILED');
    expect(run.error).toBe(`StepFunctions.${code}Exception`);
    expect(run.cause).toContain(`Error Code: ${code}`);
  });

  it.each([
    ['a string, as is', '{"raw":true}', { raw: true }],
    ['an object, as its JSON text', { nested: { a: [1, 2] } }, { nested: { a: [1, 2] } }],
  ])('passes an Input that is %s', async (_, input, expected) => {
    const name = `input-${typeof input}`;
    const { ExecutionArn } = outputOf(await runSync('dynamic', { target: sagaArn, name, input }));

    expect(JSON.parse((await describeExecution(ExecutionArn)).input ?? '')).toEqual(expected);
  });

  it('lets Input name the parent execution through the context object', async () => {
    const run = await runSync('linked', {});

    const child = await describeExecution(outputOf(run).ExecutionArn);
    expect(JSON.parse(child.input ?? '')).toEqual({
      AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: run.executionArn,
    });
  });
});

describe('local Step Functions: startExecution patterns it does not serve', () => {
  const startWith = (resource: string, parameters: object = { StateMachineArn: sagaArn }) =>
    start({
      region,
      accountId,
      stateMachines: [
        { name: 'saga', definition: JSON.stringify(saga), type: 'STANDARD' },
        express('parent', {
          StartAt: 'Nested',
          States: { Nested: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } },
        }),
      ],
      functionArns,
      invoke: recordingInvoke().invoke,
    });

  it.each(['.sync', '.sync:2', '.waitForTaskToken'])(
    'refuses states:startExecution%s at creation',
    async (suffix) => {
      const refusal = startWith(`${startSaga}${suffix}`);
      await expect(refusal).rejects.toBeInstanceOf(DefinitionError);
      await expect(refusal).rejects.toThrow(
        new RegExp(`"parent".*"Nested".*startExecution${suffix.replace('.', '\\.')}.*does not serve`, 's'),
      );
    },
  );

  it('refuses a startExecution Task without a StateMachineArn', async () => {
    await expect(startWith(startSaga, { Input: {} })).rejects.toThrow(/"Nested".*no StateMachineArn/s);
  });
});
