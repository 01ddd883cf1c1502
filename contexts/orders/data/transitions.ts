import type { TransactItem } from '#platform/data/transact.ts';
import type { Order, OrderStatus, StatusChange } from '../domain/schemas.ts';
import { canTransition } from '../domain/status.ts';
import { orderSummary, summaryItem } from './items.ts';
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

/** The index keys a body carried before it had a summary (see `ordersSummaryV1`); a transition drops them. */
export const LEGACY_BODY_INDEX_KEYS = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/**
 * The TransactWriteItems items moving an order from one of `from` to `to`, body then summary.
 *
 * The body's `Update` is conditional on the current status being in `from` (so a transition applies once,
 * and a late webhook never moves a paid order back); it appends `{ status, at, reason }` to the history
 * and bumps `version`. A failed condition returns the stored order (`ALL_OLD`) in the cancellation reason.
 *
 * The summary's `Put` writes the list row in its new status: gsi2 moves to the new status's bucket (or
 * leaves the index), gsi1 follows. It has no condition of its own: the body's decides for both, in one
 * transaction. A Put rather than an Update, so an order stored before summaries existed (not backfilled
 * yet) gains a whole summary, never a partial one; the body drops the index keys it carried then. A
 * summary is under 1 KB, so either costs 1 WCU. `order` is the order as the caller read it: only its
 * immutable fields and its version are used. A move the transition table forbids is a programming error.
 */
export const orderTransitionItems = (
  table: string,
  order: Order,
  from: readonly OrderStatus[],
  to: OrderStatus,
  at: string,
  reason?: string,
  extra: TransitionExtra = {},
): [{ Update: UpdateItem }, TransactItem] => {
  const refused = from.filter((status) => !canTransition(status, to));
  if (from.length === 0 || refused.length > 0)
    throw new Error(`An order cannot move from ${refused.join(', ') || 'nothing'} to ${to}`);
  const entry: StatusChange = { status: to, at, ...(reason ? { reason } : {}) };
  const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
  const sets = [
    '#status = :to',
    '#history = list_append(#history, :entry)',
    'updatedAt = :at',
    '#version = #version + :one',
  ];
  const summary = { ...orderSummary(order), status: to, updatedAt: at };
  return [
    {
      Update: {
        TableName: table,
        Key: orderKeys.order(order.id),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE ${LEGACY_BODY_INDEX_KEYS.join(', ')}`,
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
          ':at': at,
          ':one': 1,
          ...(extra.seenPaymentIntentId ? { ':seenPi': extra.seenPaymentIntentId } : {}),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: table, Item: summaryItem(summary, order.version + 1) } },
  ];
};

/**
 * A TransactWriteItems `Update` recording the PaymentIntent of an unpaid order: applies once (the same
 * id again is a no-op success; another id, or an order past `pending_payment`, fails its condition).
 * The body only: the list row does not show the intent, so this write touches no index.
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
