import type { TransactItem } from '#platform/data/transact.ts';
import type { OrderStatus, StatusChange } from '../domain/schemas.ts';
import { canTransition } from '../domain/status.ts';
import { bucketOf } from './items.ts';
import { orderKeys } from './keys.ts';

/** What else a transition requires of the order besides its status. */
export interface TransitionExtra {
  /**
   * The PaymentIntent the caller saw on the order (null: none): the transition then also requires it to
   * be unchanged, so an intent recorded meanwhile (still payable) cannot be left behind by it.
   */
  readonly seenPaymentIntentId?: string | null;
}

type UpdateItem = NonNullable<TransactItem['Update']>;

/**
 * A TransactWriteItems `Update` moving an order from one of `from` to `to`: conditional on the current
 * status being in `from` (so a transition applies once, and a late webhook never moves a paid order
 * back), appending `{ status, at, reason }` to the history, moving gsi2 to the new status's partition
 * (same bucket, same sort key) and bumping `version`. A failed condition returns the stored order
 * (`ALL_OLD`) in the cancellation reason. A move the transition table forbids is a programming error.
 */
export const orderTransitionUpdate = (
  table: string,
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  at: string,
  reason?: string,
  extra: TransitionExtra = {},
): { Update: UpdateItem } => {
  const refused = from.filter((status) => !canTransition(status, to));
  if (from.length === 0 || refused.length > 0)
    throw new Error(`An order cannot move from ${refused.join(', ') || 'nothing'} to ${to}`);
  const entry: StatusChange = { status: to, at, ...(reason ? { reason } : {}) };
  const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
  const sets = [
    '#status = :to',
    '#history = list_append(#history, :entry)',
    'gsi2pk = :gsi2pk',
    'updatedAt = :at',
    '#version = #version + :one',
  ];
  return {
    Update: {
      TableName: table,
      Key: orderKeys.order(orderId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: [
        `attribute_exists(pk) AND #status IN (${Object.keys(fromValues).join(', ')})`,
        ...(extra.seenPaymentIntentId === null ? ['attribute_not_exists(payment.paymentIntentId)'] : []),
        ...(extra.seenPaymentIntentId ? ['payment.paymentIntentId = :seenPi'] : []),
      ].join(' AND '),
      ExpressionAttributeNames: { '#status': 'status', '#history': 'statusHistory', '#version': 'version' },
      ExpressionAttributeValues: {
        ...fromValues,
        ':to': to,
        ':entry': [entry],
        ':gsi2pk': orderKeys.statusPartition(to, bucketOf(orderId)),
        ':at': at,
        ':one': 1,
        ...(extra.seenPaymentIntentId ? { ':seenPi': extra.seenPaymentIntentId } : {}),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
};

/**
 * A TransactWriteItems `Update` recording the PaymentIntent of an unpaid order: applies once (the same
 * id again is a no-op success; another id, or an order past `pending_payment`, fails its condition).
 */
export const orderPaymentIntentUpdate = (
  table: string,
  orderId: string,
  paymentIntentId: string,
  at: string,
): { Update: UpdateItem } => ({
  Update: {
    TableName: table,
    Key: orderKeys.order(orderId),
    UpdateExpression: 'SET payment.paymentIntentId = :pi, updatedAt = :at',
    ConditionExpression:
      '#status = :pending AND (attribute_not_exists(payment.paymentIntentId) OR payment.paymentIntentId = :pi)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pi': paymentIntentId, ':at': at, ':pending': 'pending_payment' },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  },
});
