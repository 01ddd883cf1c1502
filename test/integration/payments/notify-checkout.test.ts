import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { paymentKeys } from '#contexts/payments/data/keys.ts';
import { notifyWaitingCheckout } from '#contexts/payments/data/notify-checkout.ts';
import type { PaymentOutcome, PaymentResult } from '#contexts/payments/domain/result.ts';
import { cloud, eventually, sdkConfig, useLocalDynamo } from '../../support/cloud.ts';

/**
 * Against the local cloud's Step Functions and table: the `approval` machine stands in for the checkout
 * saga's wait step (a `.waitForTaskToken` task whose function stores the token under the execution
 * name), started under the name the payment waiter key uses.
 */
const sfn = () => new SFNClient(sdkConfig(cloud().endpoints.stepfunctions));
let n = 0;
const newOrderId = () => `ord_nw_${Date.now()}_${++n}`;

const result = (orderId: string, outcome: PaymentOutcome): PaymentResult => ({
  orderId,
  outcome,
  paymentIntentId: 'pi_1',
  eventId: `evt_${orderId}`,
  eventType: `payment_intent.${outcome}`,
  eventCreated: 1_900_000_000,
  recordedAt: new Date().toISOString(),
  amount: 4200,
  currency: 'EUR',
  ...(outcome === 'failed' ? { failure: { code: 'card_declined', declineCode: 'generic_decline' } } : {}),
});

const startWaiting = async (orderId: string) => {
  const { executionArn } = await sfn().send(
    new StartExecutionCommand({
      stateMachineArn: cloud().stateMachines.approval,
      name: `payment-${orderId}`,
      input: JSON.stringify({ subject: orderId }),
    }),
  );
  await eventually(async () => {
    const { Item } = await useLocalDynamo().send(
      new GetCommand({ TableName: cloud().tableName, Key: paymentKeys.waiter(orderId) }),
    );
    return Item?.taskToken as string | undefined;
  });
  return executionArn as string;
};

const finished = (executionArn: string) =>
  eventually(async () => {
    const d = await sfn().send(new DescribeExecutionCommand({ executionArn }));
    return d.status === 'RUNNING' ? undefined : d;
  });

beforeAll(() => {
  useLocalDynamo();
  process.env.AWS_ENDPOINT_URL_SFN = cloud().endpoints.stepfunctions;
});

describe('notifyWaitingCheckout', () => {
  it('resumes the waiting execution with SendTaskSuccess on a success', async () => {
    const orderId = newOrderId();
    const executionArn = await startWaiting(orderId);
    expect(await notifyWaitingCheckout(cloud().tableName, result(orderId, 'succeeded'))).toBe('resumed');
    const done = await finished(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}').decision).toEqual({
      orderId,
      outcome: 'succeeded',
      paymentIntentId: 'pi_1',
      eventId: `evt_${orderId}`,
    });
  });

  it.each(['failed', 'canceled'] as const)('fails the waiting task on %s', async (outcome) => {
    const orderId = newOrderId();
    const executionArn = await startWaiting(orderId);
    expect(await notifyWaitingCheckout(cloud().tableName, result(orderId, outcome))).toBe('resumed');
    // The approval machine catches every task error into its Rejected state.
    expect((await finished(executionArn)).status).toBe('FAILED');
  });

  it('calls a token whose wait is over stale, not an error', async () => {
    const orderId = newOrderId();
    const executionArn = await startWaiting(orderId);
    await notifyWaitingCheckout(cloud().tableName, result(orderId, 'succeeded'));
    await finished(executionArn);
    expect(await notifyWaitingCheckout(cloud().tableName, result(orderId, 'succeeded'))).toBe('stale');
  });

  it('does nothing when no checkout waits (the wait step will read the result itself)', async () => {
    expect(await notifyWaitingCheckout(cloud().tableName, result(newOrderId(), 'succeeded'))).toBe(
      'no_waiter',
    );
  });

  it('ends no wait on a refund', async () => {
    expect(await notifyWaitingCheckout(cloud().tableName, result(newOrderId(), 'refunded'))).toBe(
      'not_applicable',
    );
  });
});
