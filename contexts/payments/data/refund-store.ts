import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { orderFacetsUpdate } from '#contexts/orders/data/transitions.ts';
import type { PaymentStatus } from '#contexts/orders/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type PaymentMismatch, paymentMismatchSchema } from '../domain/mismatch.ts';
import { firstRetryAt } from '../domain/refund-retries.ts';
import { type Refund, refundSchema } from '../domain/refunds.ts';
import { PAYMENTS_SOURCE, refundFailed, refundIssued } from '../events.ts';
import { Entity, paymentKeys } from './keys.ts';

/** A stored refund: the refund and the fingerprint of the request that made it. */
export interface StoredRefund {
  readonly refund: Refund;
  readonly fingerprint: string;
}

/** An order's refunds as stored, and the version of its refund total (0: none yet). */
export interface RefundLedger {
  readonly refunds: StoredRefund[];
  readonly version: number;
  /**
   * What Stripe last said was refunded of the charge (`charge.refunded`, recorded as the payment result
   * when no checkout was waiting): it counts refunds made in Stripe's dashboard too. 0 when none.
   */
  readonly providerRefunded: number;
  /** Succeeded payments that named the order but were not its own, each with its refund. */
  readonly mismatches: PaymentMismatch[];
}

/** A refund's item; a `requested` one is in the retry sweep's index, due after the grace. */
const refundItem = (refund: Refund, fingerprint: string) => ({
  ...paymentKeys.refund(refund.orderId, refund.id),
  ...(refund.status === 'requested'
    ? paymentKeys.refundRetry(
        firstRetryAt(new Date(refund.createdAt)).toISOString(),
        refund.orderId,
        refund.id,
      )
    : {}),
  entity: Entity.refund,
  ...refund,
  fingerprint,
});

/**
 * An order's refunds in the payment partition: refund items, the refund total, the payment result and
 * the mismatching payments (1 Query, strongly consistent: the partition holds these only).
 */
export const readRefunds = async (table: string, orderId: string): Promise<RefundLedger> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': paymentKeys.refundTotals(orderId).pk },
      ConsistentRead: true,
    }),
  );
  const totals = Items.find((i) => i.entity === Entity.refundTotals);
  const refunds = Items.filter((i) => i.entity === Entity.refund)
    .map((i) => ({ refund: refundSchema.parse(i), fingerprint: String(i.fingerprint) }))
    .sort((a, b) => a.refund.createdAt.localeCompare(b.refund.createdAt));
  const result = Items.find((i) => i.entity === Entity.paymentResult);
  const providerRefunded = result?.outcome === 'refunded' ? Number(result.amountRefunded ?? 0) : 0;
  const mismatches = Items.filter((i) => i.entity === Entity.paymentMismatch)
    .map((i) => paymentMismatchSchema.parse(i))
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  return { refunds, version: Number(totals?.version ?? 0), providerRefunded, mismatches };
};

/** What recording a new refund did: recorded, the refund's id was taken, or another refund came first. */
export type RecordRefund = 'recorded' | 'exists' | 'conflict';

/**
 * Records a new refund (status `requested`) and counts it in the order's refund total, in one
 * transaction: the refund Put is conditional on being new, the total's Update on the version read (so
 * of two refunds read against the same total, one commits), and the order's summary stores the payment
 * status the new total gives it (`paymentStatus`, worked out by the caller from what it read: the
 * version condition makes that read the last). 3 items, 1 round trip.
 */
export const recordRefund = async (
  table: string,
  refund: Refund,
  fingerprint: string,
  seenVersion: number,
  paymentStatus: PaymentStatus,
): Promise<RecordRefund> => {
  const result = await transact([
    {
      Put: {
        TableName: table,
        Item: refundItem(refund, fingerprint),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table,
        Key: paymentKeys.refundTotals(refund.orderId),
        UpdateExpression: 'SET entity = :entity, version = :next ADD refunded :amount',
        ConditionExpression: seenVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :seen',
        ExpressionAttributeValues: {
          ':entity': Entity.refundTotals,
          ':next': seenVersion + 1,
          ':amount': refund.amount,
          ...(seenVersion === 0 ? {} : { ':seen': seenVersion }),
        },
      },
    },
    orderFacetsUpdate(table, refund.orderId, { paymentStatus }, refund.createdAt),
  ]);
  if (result.ok) return 'recorded';
  if (result.conditionFailed[0]) return 'exists';
  return 'conflict';
};

/**
 * The Update moving a refund out of `from` with Stripe's answer; conditional, so it applies once. It
 * leaves the retry sweep's index: only `requested` refunds are in it.
 */
const refundUpdate = (
  table: string,
  refund: Refund,
  from: readonly Refund['status'][],
  changes: Partial<Refund>,
): TransactItem => {
  const names = Object.keys(changes);
  const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
  return {
    Update: {
      TableName: table,
      Key: paymentKeys.refund(refund.orderId, refund.id),
      UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')} REMOVE gsi1pk, gsi1sk`,
      ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((n) => [`#${n}`, n])),
        '#status': 'status',
      },
      ExpressionAttributeValues: {
        ...fromValues,
        ...Object.fromEntries(Object.entries(changes).map(([n, v]) => [`:${n}`, v])),
      },
    },
  };
};

/**
 * Records Stripe's acceptance of a `requested` refund (`pending` or `succeeded`, with Stripe's refund id)
 * and emits `RefundIssued`, once: a second answer for the same refund changes nothing (false).
 */
export const markRefundIssued = async (
  table: string,
  refund: Refund,
  providerRefundId: string,
  status: 'pending' | 'succeeded',
  now = new Date(),
): Promise<boolean> => {
  const at = now.toISOString();
  const issued: Refund = { ...refund, status, providerRefundId, updatedAt: at };
  const result = await transact([
    refundUpdate(table, refund, ['requested'], { status, providerRefundId, updatedAt: at }),
    {
      Put: { TableName: table, Item: outboxItem(PAYMENTS_SOURCE, 'RefundIssued', refundIssued(issued), now) },
    },
  ]);
  return result.ok;
};

/** Records a later status Stripe reports for an issued refund (`pending` → `succeeded`), once. */
export const markRefundSucceeded = async (
  table: string,
  refund: Refund,
  now = new Date(),
): Promise<boolean> =>
  (
    await transact([
      refundUpdate(table, refund, ['pending'], { status: 'succeeded', updatedAt: now.toISOString() }),
    ])
  ).ok;

/** What recording a failure did: recorded, the refund had failed already, or another refund came first. */
export type MarkFailed = 'failed' | 'already_failed' | 'conflict';

/**
 * Records that a refund failed (Stripe answered or reported `failed`, or the retry sweep gave up): its
 * amount leaves the refund total, so it is refundable again, the order's summary stores the payment status
 * that gives it, and `RefundFailed` is emitted, once (conditional on it being in one of `from`: not failed
 * already). The total is conditional on the version read, as for a new refund, so `paymentStatus` is
 * worked out from the last total. One transaction of 4 items.
 */
export const markRefundFailed = async (
  table: string,
  refund: Refund,
  failure: { readonly reason: string | null; readonly providerRefundId: string | null },
  seen: { readonly version: number; readonly paymentStatus: PaymentStatus },
  now = new Date(),
  from: readonly Refund['status'][] = ['requested', 'pending', 'succeeded'],
): Promise<MarkFailed> => {
  const { reason: failureReason, providerRefundId } = failure;
  const at = now.toISOString();
  const failed: Refund = { ...refund, status: 'failed', failureReason, providerRefundId, updatedAt: at };
  const result = await transact([
    refundUpdate(table, refund, from, {
      status: 'failed',
      failureReason,
      providerRefundId,
      updatedAt: at,
    }),
    {
      Update: {
        TableName: table,
        Key: paymentKeys.refundTotals(refund.orderId),
        UpdateExpression: 'SET version = :next ADD refunded :minus',
        ConditionExpression: 'version = :seen',
        ExpressionAttributeValues: {
          ':minus': -refund.amount,
          ':seen': seen.version,
          ':next': seen.version + 1,
        },
      },
    },
    {
      Put: { TableName: table, Item: outboxItem(PAYMENTS_SOURCE, 'RefundFailed', refundFailed(failed), now) },
    },
    orderFacetsUpdate(table, refund.orderId, { paymentStatus: seen.paymentStatus }, at),
  ]);
  if (result.ok) return 'failed';
  return result.conditionFailed[0] ? 'already_failed' : 'conflict';
};

/**
 * A TransactWriteItems `ConditionCheck` that the order has no refund made through the refund API (no
 * refund total): then its payment status counts what Stripe reported of the charge (docs/payments.md).
 */
export const noRefundTotal = (table: string, orderId: string): TransactItem => ({
  ConditionCheck: {
    TableName: table,
    Key: paymentKeys.refundTotals(orderId),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
