import type { TransactItem } from '#platform/data/transact.ts';
import { paymentStatusEntering } from '../domain/payment-status.ts';
import type { Order, OrderStatus, StatusChange } from '../domain/schemas.ts';
import { canTransition } from '../domain/status.ts';
import {
  type OrderFacets,
  orderFromItem,
  orderSummary,
  STATE_FIELDS,
  summaryIndexKeys,
  summaryItem,
} from './items.ts';
import { orderKeys } from './keys.ts';

type Item = Record<string, unknown>;
type UpdateItem = NonNullable<TransactItem['Update']>;

/** What else a transition requires of the order besides its status. */
export interface TransitionExtra {
  /**
   * The PaymentIntent the caller saw on the order (null: none): the transition then also requires it to
   * be unchanged, so an intent recorded meanwhile (still payable) cannot be left behind by it.
   */
  readonly seenPaymentIntentId?: string | null;
}

/** The index keys a body carried before it had a summary; its migration drops them. */
export const LEGACY_BODY_INDEX_KEYS = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/**
 * The TransactWriteItems item moving an order from one of `from` to `to`: one Update of its summary,
 * which holds the order's state (the body is never written after the placing).
 *
 * Conditional on the current status being in `from` (so a transition applies once, and a late webhook
 * never moves a paid order back); it appends `{ status, at, reason }` to the history, bumps `version`,
 * and moves the index keys: gsi2 to the new status's bucket (or out of the index), gsi1 unchanged; it
 * also stores the payment status the move leads to (`paymentStatusEntering`: leaving `pending_payment`,
 * or into `refunded`) in the same Update, as a transaction cannot write the summary twice. A failed
 * condition returns the stored summary (`ALL_OLD`) in the cancellation reason. The summary is
 * under 1 KB, so a transition costs 1 WCU (2 in a transaction) and 1 index write when listed. `order` is
 * the order as the caller read it with `getForUpdate` (its state on the summary). A move the transition
 * table forbids is a programming error.
 */
export const orderTransitionItems = (
  table: string,
  order: Order,
  from: readonly OrderStatus[],
  to: OrderStatus,
  at: string,
  reason?: string,
  extra: TransitionExtra = {},
): [{ Update: UpdateItem }] => {
  const refused = from.filter((status) => !canTransition(status, to));
  if (from.length === 0 || refused.length > 0)
    throw new Error(`An order cannot move from ${refused.join(', ') || 'nothing'} to ${to}`);
  const entry: StatusChange = { status: to, at, ...(reason ? { reason } : {}) };
  const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
  const keys = summaryIndexKeys({ ...orderSummary(order), status: to });
  const paymentStatus = paymentStatusEntering(from, to);
  const sets = [
    '#status = :to',
    '#history = list_append(#history, :entry)',
    'updatedAt = :at',
    '#version = #version + :one',
    ...('gsi2pk' in keys ? ['gsi2pk = :g2pk', 'gsi2sk = :g2sk'] : []),
    ...(paymentStatus ? ['paymentStatus = :paymentStatus'] : []),
  ];
  return [
    {
      Update: {
        TableName: table,
        Key: orderKeys.summary(order.id),
        UpdateExpression: `SET ${sets.join(', ')}${'gsi2pk' in keys ? '' : ' REMOVE gsi2pk, gsi2sk'}`,
        ConditionExpression: [
          `attribute_exists(#history) AND #status IN (${Object.keys(fromValues).join(', ')})`,
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
          ...('gsi2pk' in keys ? { ':g2pk': keys.gsi2pk, ':g2sk': keys.gsi2sk } : {}),
          ...(paymentStatus ? { ':paymentStatus': paymentStatus } : {}),
          ...(extra.seenPaymentIntentId ? { ':seenPi': extra.seenPaymentIntentId } : {}),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  ];
};

/**
 * A TransactWriteItems `Update` recording the PaymentIntent of an unpaid order on its summary: applies
 * once (the same id again is a no-op success; another id, or an order past `pending_payment`, fails its
 * condition). No index key changes, so it writes no index: 1 WCU.
 */
export const orderPaymentIntentUpdate = (
  table: string,
  orderId: string,
  paymentIntentId: string,
  at: string,
): { Update: UpdateItem } => ({
  Update: {
    TableName: table,
    Key: orderKeys.summary(orderId),
    UpdateExpression: 'SET payment.paymentIntentId = :pi, updatedAt = :at',
    ConditionExpression:
      'attribute_exists(payment) AND #status = :pending AND (attribute_not_exists(payment.paymentIntentId) OR payment.paymentIntentId = :pi)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pi': paymentIntentId, ':at': at, ':pending': 'pending_payment' },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  },
});

/**
 * The move of an order stored before its state lived on the summary (its body holds the state, and maybe
 * the index keys of the first design): one transaction writes the summary with the whole state and strips
 * the body to its snapshot. Conditions, on what was read: the body at its version (it changes no more
 * once this code runs, so only a concurrent move fails it), the summary absent or without state.
 * `ordersStateV2` runs it for every such body; `getForUpdate` for one order at its first change.
 */
export const legacyOrderMigration = (table: string, body: Item): TransactItem[] => {
  const order = orderFromItem(body);
  const version = order.version;
  return [
    {
      Put: {
        TableName: table,
        Item: summaryItem(order),
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_not_exists(statusHistory)',
      },
    },
    {
      Update: {
        TableName: table,
        Key: orderKeys.order(order.id),
        UpdateExpression: `REMOVE ${[...LEGACY_BODY_INDEX_KEYS, ...STATE_FIELDS.map((f) => `#${f}`)].join(', ')}`,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: Object.fromEntries(STATE_FIELDS.map((f) => [`#${f}`, f])),
        ExpressionAttributeValues: { ':version': version },
      },
    },
  ];
};

/**
 * A TransactWriteItems `Update` storing facets on an order's summary, for the transaction that changes
 * them (a fulfillment, a refund). It sets only the facets given and leaves status, history, version and
 * index keys alone; the caller's own condition (the fulfillment ledger's or the refund total's version)
 * orders concurrent writers, so the last committed facet is the current one. Conditional on the summary
 * existing: 1 WCU (2 in a transaction), no index write.
 */
export const orderFacetsUpdate = (
  table: string,
  orderId: string,
  facets: OrderFacets,
  at: string,
): { Update: UpdateItem } => {
  const entries = Object.entries(facets).filter(([, value]) => value !== undefined);
  if (entries.length === 0) throw new Error('orderFacetsUpdate needs at least one facet');
  return {
    Update: {
      TableName: table,
      Key: orderKeys.summary(orderId),
      UpdateExpression: `SET ${entries.map(([name]) => `#${name} = :${name}`).join(', ')}, updatedAt = :at`,
      ConditionExpression: 'attribute_exists(statusHistory)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: {
        ...Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
        ':at': at,
      },
    },
  };
};
