import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { taskTokenKeys } from '#platform/data/keys.ts';
import { cloud, eventually, sdkConfig, useLocalDynamo } from '../support/cloud.ts';

const sfn = () => new SFNClient(sdkConfig(cloud().endpoints.stepfunctions));

/** Starts the approval machine and waits for its function to store the task token in the table. */
const startAndWaitForToken = async (subject: string) => {
  const name = `approval-${crypto.randomUUID()}`;
  const { executionArn } = await sfn().send(
    new StartExecutionCommand({
      stateMachineArn: cloud().stateMachines.approval,
      name,
      input: JSON.stringify({ subject }),
    }),
  );
  const token = await eventually(async () => {
    const { Item } = await useLocalDynamo().send(
      new GetCommand({ TableName: cloud().tableName, Key: taskTokenKeys(name) }),
    );
    return Item?.taskToken as string | undefined;
  });
  return { executionArn: executionArn!, token };
};

const describeExecution = (executionArn: string) =>
  sfn().send(new DescribeExecutionCommand({ executionArn }));

describe('approval state machine (.waitForTaskToken through the local cloud)', () => {
  it('waits for SendTaskSuccess, then succeeds with the decision', async () => {
    const { executionArn, token } = await startAndWaitForToken('product-42');
    await new Promise((r) => setTimeout(r, 300));
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');

    await sfn().send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'admin@example.com' }) }),
    );
    const done = await eventually(async () => {
      const d = await describeExecution(executionArn);
      return d.status === 'RUNNING' ? undefined : d;
    });
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({
      subject: 'product-42',
      status: 'approved',
      decision: { by: 'admin@example.com' },
    });
  });

  it('ends in Rejected on SendTaskFailure', async () => {
    const { executionArn, token } = await startAndWaitForToken('product-43');
    await sfn().send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'not this one' }),
    );
    const done = await eventually(async () => {
      const d = await describeExecution(executionArn);
      return d.status === 'RUNNING' ? undefined : d;
    });
    expect(done).toMatchObject({ status: 'FAILED', error: 'Rejected' });
  });
});
