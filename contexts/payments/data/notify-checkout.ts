import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { PaymentResult } from '../domain/result.ts';
import { paymentKeys } from './keys.ts';

let sfn: SFNClient | undefined;
// The endpoint comes from the SDK's configuration (`AWS_ENDPOINT_URL_SFN` locally), as for DynamoDB.
const client = () => {
  sfn ??= new SFNClient({});
  return sfn;
};

/** What became of the notification. */
export type NotifyEffect = 'resumed' | 'no_waiter' | 'not_applicable' | 'stale';

/** The errors a waiting checkout fails with, by outcome: the saga's Catch matches these names. */
export const WAIT_ERRORS = { failed: 'PaymentFailed', canceled: 'PaymentCanceled' } as const;

/**
 * Resumes the checkout waiting for this order's payment, if one is: reads the task token its wait step
 * stored (`paymentKeys.waiter`, strongly consistent) and sends SendTaskSuccess for `succeeded`,
 * SendTaskFailure (`PaymentFailed`/`PaymentCanceled`) for `failed`/`canceled`. A refund ends no wait.
 * A token whose wait has ended (timed out, or already resumed by the wait step itself) is `stale`, not an
 * error: the saga decided without us. Needs states:SendTask* (`uses.taskTokens`).
 */
export const notifyWaitingCheckout = async (table: string, result: PaymentResult): Promise<NotifyEffect> => {
  if (result.outcome === 'refunded') return 'not_applicable';
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: paymentKeys.waiter(result.orderId), ConsistentRead: true }),
  );
  const taskToken = typeof Item?.taskToken === 'string' ? Item.taskToken : undefined;
  if (!taskToken) return 'no_waiter';
  return resumeCheckout(taskToken, result);
};

/**
 * Resumes the wait holding `taskToken` with a payment result: SendTaskSuccess for `succeeded`,
 * SendTaskFailure (`PaymentFailed`/`PaymentCanceled`) for `failed`/`canceled`; a refund ends no wait.
 * A closed task (timed out, or resumed by the other side) is `stale`. 1 SendTask* call.
 */
export const resumeCheckout = async (taskToken: string, result: PaymentResult): Promise<NotifyEffect> => {
  if (result.outcome === 'refunded') return 'not_applicable';
  const summary = {
    orderId: result.orderId,
    outcome: result.outcome,
    paymentIntentId: result.paymentIntentId,
    eventId: result.eventId,
    ...(result.failure ? { failure: result.failure } : {}),
  };
  try {
    if (result.outcome === 'succeeded')
      await client().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(summary) }));
    else
      await client().send(
        new SendTaskFailureCommand({
          taskToken,
          error: WAIT_ERRORS[result.outcome],
          cause: JSON.stringify(summary),
        }),
      );
    return 'resumed';
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken)
      return 'stale';
    throw error;
  }
};
