import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type Refund, refundSchema } from '../domain/refunds.ts';
import { paymentKeys } from './keys.ts';

/** A refund due for the retry sweep, as its index entry shows it. */
export interface DueRefund {
  readonly refund: Refund;
  /** Its index sort key as read: the claim is conditional on it, so one sweep takes one attempt. */
  readonly dueKey: string;
  /** Attempts the sweep has made (0: none). */
  readonly attempts: number;
}

/**
 * `requested` refunds due at `now` or before, soonest first: 1 Query of the sparse index partition
 * (eventually consistent: a claim re-checks what it read).
 */
export const dueRefunds = async (table: string, now: Date, limit: number): Promise<DueRefund[]> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
      ExpressionAttributeValues: { ':pk': paymentKeys.refundRetryPartition, ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return Items.map((item) => ({
    refund: refundSchema.parse(item),
    dueKey: String(item.gsi1sk),
    attempts: Number(item.retryAttempts ?? 0),
  }));
};

/**
 * Takes the next attempt at a due refund: `retryAttempts` up by one and the due time moved to `nextDue`,
 * conditional on it still being `requested` and due as read. Of two sweeps, one takes it (true); the
 * other, or a refund answered meanwhile, changes nothing (false). 1 Update.
 */
export const claimRefundRetry = async (table: string, due: DueRefund, nextDue: Date): Promise<boolean> => {
  const { refund } = due;
  const moved = paymentKeys.refundRetry(nextDue.toISOString(), refund.orderId, refund.id);
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: paymentKeys.refund(refund.orderId, refund.id),
        UpdateExpression: 'SET retryAttempts = :n, gsi1sk = :next',
        ConditionExpression: '#status = :requested AND gsi1sk = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':n': due.attempts + 1,
          ':next': moved.gsi1sk,
          ':requested': 'requested',
          ':seen': due.dueKey,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
