import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import type { Return } from '../domain/returns.ts';
import { Entity, fulfillmentKeys } from './keys.ts';
import { bump, event, insert, outcome, type Written } from './partition.ts';

/**
 * Records a return (`requested`) with its pointer and `ReturnRequested`, in one transaction conditional on
 * the return being new and the totals' version read (so two returns of the same units cannot both commit).
 */
export const createReturn = async (
  table: string,
  r: Return,
  fingerprint: string,
  seenVersion: number,
  now: Date,
): Promise<Written> =>
  outcome(
    await transact([
      insert(table, {
        ...fulfillmentKeys.orderReturn(r.orderId, r.id),
        entity: Entity.orderReturn,
        ...r,
        fingerprint,
      }),
      bump(table, r.orderId, seenVersion),
      {
        Put: {
          TableName: table,
          Item: { ...fulfillmentKeys.returnPointer(r.id), entity: Entity.returnPointer, orderId: r.orderId },
        },
      },
      event(
        table,
        'ReturnRequested',
        {
          returnId: r.id,
          orderId: r.orderId,
          by: r.by,
          lines: r.lines.map(({ lineId, quantity, reason }) => ({ lineId, quantity, reason })),
        },
        now,
      ),
    ]),
  );

/**
 * Records a return's receipt, once (conditional on `requested`): each line's condition, the units put
 * back on their location's shelf with a ledger `return` entry (`restock`, given as transaction items),
 * the refund it makes, and `ReturnReceived`.
 */
export const receiveReturn = async (
  table: string,
  received: Return,
  seenVersion: number,
  restock: readonly TransactItem[],
  now: Date,
): Promise<Written> =>
  outcome(
    await transact([
      {
        Update: {
          TableName: table,
          Key: fulfillmentKeys.orderReturn(received.orderId, received.id),
          UpdateExpression:
            'SET #status = :received, #lines = :lines, receivedAt = :at, refundAmount = :amount, shippingRefunded = :shipping, refundId = :refundId',
          ConditionExpression: '#status = :requested',
          ExpressionAttributeNames: { '#status': 'status', '#lines': 'lines' },
          ExpressionAttributeValues: {
            ':received': 'received',
            ':requested': 'requested',
            ':lines': received.lines,
            ':at': received.receivedAt,
            ':amount': received.refundAmount,
            ':shipping': received.shippingRefunded,
            ':refundId': received.refundId,
          },
        },
      },
      bump(table, received.orderId, seenVersion),
      ...restock,
      event(
        table,
        'ReturnReceived',
        {
          returnId: received.id,
          orderId: received.orderId,
          lines: received.lines.map(({ lineId, quantity, condition, locationId }) => ({
            lineId,
            quantity,
            condition,
            locationId,
          })),
          refundAmount: received.refundAmount ?? 0,
        },
        now,
      ),
    ]),
  );

/** The order a return belongs to (1 GetItem), or undefined. */
export const orderOfReturn = async (table: string, returnId: string): Promise<string | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: fulfillmentKeys.returnPointer(returnId), ConsistentRead: true }),
  );
  return typeof Item?.orderId === 'string' ? Item.orderId : undefined;
};
