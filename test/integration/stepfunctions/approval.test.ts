import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StepFunctionsEndpoint, start } from '#local/stepfunctions/index.ts';
import {
  accountId,
  approvalDefinition,
  closedExecution,
  eventually,
  functionArns,
  recordingInvoke,
  region,
  sfnClient,
  tokenOf,
} from './helpers.ts';

describe('local Step Functions: the approval state machine', () => {
  let endpoint: StepFunctionsEndpoint;
  let client: SFNClient;
  let recorder: ReturnType<typeof recordingInvoke>;

  beforeEach(async () => {
    recorder = recordingInvoke();
    endpoint = await start({
      region,
      accountId,
      stateMachines: [{ name: 'approval', definition: approvalDefinition(1), type: 'STANDARD' }],
      functionArns,
      invoke: recorder.invoke,
    });
    client = sfnClient(endpoint.url);
  });

  afterEach(async () => {
    client.destroy();
    await endpoint.stop();
  });

  const startApproval = (name: string) =>
    client.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn('approval'),
        name,
        input: JSON.stringify({ subject: 'order-42' }),
      }),
    );

  it('hands the task token and the execution name to the function', async () => {
    await startApproval('checkout-abc');
    const call = await eventually(() => recorder.calls[0]);
    expect(call.functionName).toBe('recordTaskToken');
    expect(call.event).toEqual({
      taskToken: expect.stringMatching(/^sfn-local-v1\./),
      executionName: 'checkout-abc',
      subject: 'order-42',
    });
  });

  it('stays RUNNING until SendTaskSuccess, then succeeds with the decision', async () => {
    const { executionArn } = await startApproval('approve-1');
    const token = await eventually(() => tokenOf(recorder.calls[0]));
    const running = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(running.status).toBe('RUNNING');
    expect(running.stopDate).toBeUndefined();

    await client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'ops' }) }),
    );
    const closed = await closedExecution(client, executionArn!);
    expect(closed.status).toBe('SUCCEEDED');
    expect(JSON.parse(closed.output!)).toEqual({
      subject: 'order-42',
      status: 'approved',
      decision: { by: 'ops' },
    });
    expect(closed.stopDate!.getTime()).toBeGreaterThanOrEqual(closed.startDate!.getTime());
  });

  it('takes the Catch path to Rejected on SendTaskFailure', async () => {
    const { executionArn } = await startApproval('reject-1');
    const token = await eventually(() => tokenOf(recorder.calls[0]));
    await client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Declined', cause: 'card declined' }),
    );
    const closed = await closedExecution(client, executionArn!);
    expect(closed).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'The decision was a rejection',
    });
  });

  it('expires when no decision arrives within TimeoutSeconds, and the token then times out', async () => {
    const { executionArn } = await startApproval('expire-1');
    const token = await eventually(() => tokenOf(recorder.calls[0]));
    const closed = await closedExecution(client, executionArn!);
    expect(closed).toMatchObject({
      status: 'FAILED',
      error: 'Expired',
      cause: 'No decision arrived in time',
    });
    expect(closed.stopDate!.getTime() - closed.startDate!.getTime()).toBeGreaterThanOrEqual(900);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('answers TaskTimedOut to a second decision on the same token', async () => {
    const { executionArn } = await startApproval('twice-1');
    const token = await eventually(() => tokenOf(recorder.calls[0]));
    await client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"yes"' }));
    await expect(
      client.send(new SendTaskFailureCommand({ taskToken: token, error: 'Late' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    expect((await closedExecution(client, executionArn!)).status).toBe('SUCCEEDED');
  });
});
