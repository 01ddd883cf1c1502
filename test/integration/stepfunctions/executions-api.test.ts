import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StepFunctionsEndpoint, start } from '#local/stepfunctions/index.ts';
import {
  accountId,
  approvalDefinition,
  closedExecution,
  eventually,
  functionArns,
  recordingInvoke,
  recordTokenArn,
  region,
  sfnClient,
  tokenOf,
} from './helpers.ts';

const quick = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
// Waits on a callback with no timeout of its own: only the execution's TimeoutSeconds ends it.
const bounded = JSON.stringify({
  TimeoutSeconds: 1,
  StartAt: 'Wait',
  States: {
    Wait: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: recordTokenArn,
        Payload: { 'taskToken.$': '$$.Task.Token', executionName: 'bounded' },
      },
      End: true,
    },
  },
});

describe('local Step Functions: the execution API', () => {
  let endpoint: StepFunctionsEndpoint;
  let client: SFNClient;
  const recorder = recordingInvoke();
  let approvalArn: string;
  let quickArn: string;

  beforeAll(async () => {
    endpoint = await start({
      region,
      accountId,
      stateMachines: [
        { name: 'approval', definition: approvalDefinition(30), type: 'STANDARD' },
        { name: 'quick', definition: quick, type: 'STANDARD' },
        { name: 'bounded', definition: bounded, type: 'STANDARD' },
      ],
      functionArns,
      invoke: recorder.invoke,
    });
    client = sfnClient(endpoint.url);
    approvalArn = endpoint.stateMachineArn('approval');
    quickArn = endpoint.stateMachineArn('quick');
  });

  afterAll(async () => {
    client.destroy();
    await endpoint.stop();
  });

  const startApproval = (name: string, subject = 'order-1') =>
    client.send(
      new StartExecutionCommand({ stateMachineArn: approvalArn, name, input: JSON.stringify({ subject }) }),
    );

  it('forms state machine and execution ARNs as AWS does', async () => {
    expect(approvalArn).toBe(`arn:aws:states:${region}:${accountId}:stateMachine:approval`);
    const { executionArn } = await startApproval('arn-shape');
    expect(executionArn).toBe(`arn:aws:states:${region}:${accountId}:execution:approval:arn-shape`);
  });

  it('returns the same execution for the same name and input while it runs', async () => {
    const first = await startApproval('idem-1');
    const again = await startApproval('idem-1');
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
  });

  it('refuses the same name with a different input', async () => {
    await startApproval('idem-2', 'order-a');
    await expect(startApproval('idem-2', 'order-b')).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('refuses the name of an execution that has closed, even with the same input', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: quickArn, name: 'done-1' }),
    );
    expect((await closedExecution(client, executionArn!)).status).toBe('SUCCEEDED');
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: quickArn, name: 'done-1' })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('names an execution with a UUID when no name is given, and defaults the input to {}', async () => {
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: quickArn }));
    const execution = await closedExecution(client, executionArn!);
    expect(execution.name).toMatch(/^[0-9a-f-]{36}$/);
    expect(execution).toMatchObject({ input: '{}', output: '{}', stateMachineArn: quickArn });
  });

  it('stops an execution: ABORTED with the given error, and its token is closed', async () => {
    const { executionArn } = await startApproval('stop-1');
    const token = await eventually(() => tokenOf(recorder.calls.find((c) => isFor(c.event, 'stop-1'))));
    const { stopDate } = await client.send(
      new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'customer left' }),
    );
    const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(execution).toMatchObject({
      status: 'ABORTED',
      error: 'Cancelled',
      cause: 'customer left',
      stopDate,
    });
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('times an execution out after its TimeoutSeconds, closing its task token', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn('bounded') }),
    );
    const token = await eventually(() => tokenOf(recorder.calls.find((c) => isFor(c.event, 'bounded'))));
    const execution = await closedExecution(client, executionArn!);
    expect(execution).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('lists executions newest first, filtered by status, page by page', async () => {
    await startApproval('list-1');
    await startApproval('list-2');
    const running = await client.send(
      new ListExecutionsCommand({ stateMachineArn: approvalArn, statusFilter: 'RUNNING', maxResults: 1 }),
    );
    expect(running.executions?.map((e) => e.name)).toEqual(['list-2']);
    const next = await client.send(
      new ListExecutionsCommand({
        stateMachineArn: approvalArn,
        statusFilter: 'RUNNING',
        nextToken: running.nextToken,
      }),
    );
    expect(next.executions?.[0]?.name).toBe('list-1');
    const aborted = await client.send(
      new ListExecutionsCommand({ stateMachineArn: approvalArn, statusFilter: 'ABORTED' }),
    );
    expect(aborted.executions?.every((e) => e.status === 'ABORTED' && e.stopDate instanceof Date)).toBe(true);
  });

  it('describes a state machine with the definition it was given', async () => {
    const machine = await client.send(new DescribeStateMachineCommand({ stateMachineArn: quickArn }));
    expect(machine).toMatchObject({ name: 'quick', type: 'STANDARD', status: 'ACTIVE', definition: quick });
  });

  it('speaks AWS JSON 1.0: typed errors in __type, and unknown actions refused', async () => {
    const post = (target: string, body: string) =>
      fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
        body,
      });
    const missing = await post(
      'AWSStepFunctions.DescribeExecution',
      JSON.stringify({ executionArn: 'nope' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await missing.json()).toEqual({ __type: 'InvalidArn', message: "Invalid Arn: 'nope'" });
    const unknown = await post('AWSStepFunctions.CreateActivity', '{}');
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const garbled = await post('AWSStepFunctions.DescribeExecution', '{');
    expect(await garbled.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it.each([
    ['an unknown token', `sfn-local-v1.${'A'.repeat(43)}`, TaskDoesNotExist],
    ['a malformed token', 'not-a-token', InvalidToken],
  ])('answers %s with its typed error', async (_, taskToken, type) => {
    await expect(client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      type,
    );
  });

  it.each([
    [
      'an unknown execution',
      () => `arn:aws:states:${region}:${accountId}:execution:approval:nope`,
      ExecutionDoesNotExist,
    ],
    ['a malformed ARN', () => 'approval:nope', InvalidArn],
  ])('answers DescribeExecution of %s with its typed error', async (_, arn, type) => {
    await expect(client.send(new DescribeExecutionCommand({ executionArn: arn() }))).rejects.toBeInstanceOf(
      type,
    );
  });

  it.each([
    [
      'an unknown state machine',
      { stateMachineArn: `arn:aws:states:${region}:${accountId}:stateMachine:x` },
      StateMachineDoesNotExist,
    ],
    ['a name with a slash', { name: 'a/b' }, InvalidName],
    ['an input that is not JSON', { input: '{oops' }, InvalidExecutionInput],
    ['a missing state machine ARN', { stateMachineArn: undefined }, ValidationException],
  ])('answers StartExecution with %s with its typed error', async (_, fields, type) => {
    const command = new StartExecutionCommand({ stateMachineArn: quickArn, ...fields } as never);
    await expect(client.send(command)).rejects.toBeInstanceOf(type);
  });
});

function isFor(event: unknown, executionName: string): boolean {
  return (event as { executionName?: string }).executionName === executionName;
}
