import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type PaymentMismatch, paymentMismatchSchema } from '../domain/mismatch.ts';
import { PAYMENTS_SOURCE, paymentMismatch } from '../events.ts';
import { Entity, paymentKeys } from './keys.ts';

/**
 * Records a mismatching payment and emits `PaymentMismatch`, in one transaction conditional on the
 * PaymentIntent having no record yet: a redelivered event (or another event of the same intent) records
 * and emits nothing. Returns the record as stored: the new one, or the first one. 1 TransactWriteItems
 * (+ 1 GetItem when it was there).
 */
export const recordMismatch = async (
  table: string,
  mismatch: PaymentMismatch,
): Promise<{ readonly created: boolean; readonly stored: PaymentMismatch }> => {
  const key = paymentKeys.mismatch(mismatch.orderId, mismatch.paymentIntentId);
  const at = new Date(mismatch.recordedAt);
  const written = await transact([
    {
      Put: {
        TableName: table,
        Item: { ...key, entity: Entity.paymentMismatch, ...mismatch },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: outboxItem(PAYMENTS_SOURCE, 'PaymentMismatch', paymentMismatch(mismatch), at),
      },
    },
  ]);
  if (written.ok) return { created: true, stored: mismatch };
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
  );
  // No item yet the write was refused: a transaction conflict, not a repeat; the webhook fails and
  // Stripe redelivers.
  if (!Item) throw new Error(`Recording the payment mismatch of ${mismatch.paymentIntentId} met a conflict`);
  return { created: false, stored: paymentMismatchSchema.parse(Item) };
};

/**
 * Records Stripe's answer to a mismatch's refund, once: only a `requested` refund changes (a second
 * answer, from a redelivery, changes nothing). 1 UpdateItem.
 */
export const recordMismatchRefund = async (
  table: string,
  mismatch: Pick<PaymentMismatch, 'orderId' | 'paymentIntentId'>,
  refund: PaymentMismatch['refund'],
): Promise<boolean> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: paymentKeys.mismatch(mismatch.orderId, mismatch.paymentIntentId),
        UpdateExpression: 'SET refund = :refund',
        ConditionExpression: 'refund.#status = :requested',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':refund': refund, ':requested': 'requested' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
