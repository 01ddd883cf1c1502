import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type Return, returnSchema } from '../domain/returns.ts';
import { type Fulfillment, fulfillmentSchema } from '../domain/schemas.ts';
import { FULFILLMENT_SOURCE } from '../events.ts';
import { Entity, fulfillmentKeys } from './keys.ts';

/** A stored fulfillment and the fingerprints of the requests that made and shipped it. */
export interface StoredFulfillment {
  readonly fulfillment: Fulfillment;
  readonly fingerprint: string;
  readonly shipmentFingerprint: string | null;
}

/** A stored return and the fingerprint of the request that made it. */
export interface StoredReturn {
  readonly orderReturn: Return;
  readonly fingerprint: string;
}

/** An order's fulfillments and returns, oldest first, and the version of its totals item (0: none yet). */
export interface FulfillmentLedger {
  readonly fulfillments: StoredFulfillment[];
  readonly returns: StoredReturn[];
  readonly version: number;
  /** When the order's last unit shipped (`OrderFulfilled` was emitted), if it has. */
  readonly fulfilledAt: string | null;
}

/** An order's fulfillments: 1 Query of its fulfillment partition, strongly consistent. */
export const readFulfillments = async (table: string, orderId: string): Promise<FulfillmentLedger> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': fulfillmentKeys.partition(orderId) },
      ConsistentRead: true,
    }),
  );
  const totals = Items.find((i) => i.entity === Entity.fulfillmentTotals);
  const fulfillments = Items.filter((i) => i.entity === Entity.fulfillment)
    .map((i) => ({
      fulfillment: fulfillmentSchema.parse(i),
      fingerprint: String(i.fingerprint),
      shipmentFingerprint: typeof i.shipmentFingerprint === 'string' ? i.shipmentFingerprint : null,
    }))
    .sort((a, b) => a.fulfillment.createdAt.localeCompare(b.fulfillment.createdAt));
  const returns = Items.filter((i) => i.entity === Entity.orderReturn)
    .map((i) => ({ orderReturn: returnSchema.parse(i), fingerprint: String(i.fingerprint) }))
    .sort((a, b) => a.orderReturn.createdAt.localeCompare(b.orderReturn.createdAt));
  return {
    fulfillments,
    returns,
    version: Number(totals?.version ?? 0),
    fulfilledAt: typeof totals?.fulfilledAt === 'string' ? totals.fulfilledAt : null,
  };
};

/** The totals Update every change makes: version + 1 if it is the version read (absent the first time). */
const bump = (table: string, orderId: string, seenVersion: number, fulfilledAt?: string): TransactItem => ({
  Update: {
    TableName: table,
    Key: fulfillmentKeys.totals(orderId),
    UpdateExpression: `SET entity = :entity, version = :next${fulfilledAt ? ', fulfilledAt = :at' : ''}`,
    ConditionExpression: seenVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :seen',
    ExpressionAttributeValues: {
      ':entity': Entity.fulfillmentTotals,
      ':next': seenVersion + 1,
      ...(seenVersion === 0 ? {} : { ':seen': seenVersion }),
      ...(fulfilledAt ? { ':at': fulfilledAt } : {}),
    },
  },
});

/** The Put of an item that must be new (its id names one request: a retry fails it and reads it back). */
const insert = (table: string, Item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** The outbox Put of one fulfillment event. */
const event = (table: string, detailType: string, data: unknown, now: Date): TransactItem => ({
  Put: { TableName: table, Item: outboxItem(FULFILLMENT_SOURCE, detailType, data, now) },
});

/** What a write did: committed, the fulfillment's id was taken, or another change came first. */
export type Written = 'written' | 'exists' | 'conflict';

const outcome = (result: Awaited<ReturnType<typeof transact>>): Written =>
  result.ok ? 'written' : result.conditionFailed[0] ? 'exists' : 'conflict';

/**
 * Records a new fulfillment and emits `FulfillmentCreated`, in one transaction: the Put conditional on
 * being new, the totals' version on the reading that allowed it. 3 items.
 */
export const createFulfillment = async (
  table: string,
  fulfillment: Fulfillment,
  fingerprint: string,
  seenVersion: number,
  now: Date,
): Promise<Written> =>
  outcome(
    await transact([
      insert(table, {
        ...fulfillmentKeys.fulfillment(fulfillment.orderId, fulfillment.id),
        entity: Entity.fulfillment,
        ...fulfillment,
        fingerprint,
      }),
      bump(table, fulfillment.orderId, seenVersion),
      event(
        table,
        'FulfillmentCreated',
        {
          fulfillmentId: fulfillment.id,
          orderId: fulfillment.orderId,
          locationId: fulfillment.locationId,
          lines: fulfillment.lines,
        },
        now,
      ),
    ]),
  );

/** The Update moving a fulfillment from `from` with `changes`; conditional, so it applies once. */
const move = (
  table: string,
  f: Fulfillment,
  from: Fulfillment['status'],
  changes: Record<string, unknown>,
): TransactItem => {
  const names = Object.keys(changes);
  return {
    Update: {
      TableName: table,
      Key: fulfillmentKeys.fulfillment(f.orderId, f.id),
      UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((n) => [`#${n}`, n])),
        '#status': 'status',
      },
      ExpressionAttributeValues: {
        ':from': from,
        ...Object.fromEntries(Object.entries(changes).map(([n, v]) => [`:${n}`, v])),
      },
    },
  };
};

/**
 * Ships an open fulfillment (`ShipmentCreated`), and when that ships the order's last unit, records it on
 * the totals and emits `OrderFulfilled`, in one transaction (3–4 items, conditional on the fulfillment being
 * open and the totals' version read, so `OrderFulfilled` is emitted once).
 */
export const shipFulfillment = async (
  table: string,
  shipped: Fulfillment,
  shipmentFingerprint: string,
  seenVersion: number,
  lastUnit: boolean,
  now: Date,
): Promise<Written> => {
  const at = now.toISOString();
  const shipment = shipped.shipment!;
  return outcome(
    await transact([
      move(table, shipped, 'open', {
        status: 'shipped',
        shipment,
        shipmentFingerprint,
        updatedAt: at,
      }),
      bump(table, shipped.orderId, seenVersion, lastUnit ? at : undefined),
      event(
        table,
        'ShipmentCreated',
        {
          fulfillmentId: shipped.id,
          orderId: shipped.orderId,
          carrier: shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          trackingUrl: shipment.trackingUrl,
          shippedAt: shipment.shippedAt,
        },
        now,
      ),
      ...(lastUnit
        ? [event(table, 'OrderFulfilled', { orderId: shipped.orderId, fulfilledAt: at }, now)]
        : []),
    ]),
  );
};

/** Marks a shipped fulfillment delivered (`FulfillmentDelivered`), once. */
export const deliverFulfillment = async (table: string, f: Fulfillment, now: Date): Promise<Written> => {
  const at = now.toISOString();
  return outcome(
    await transact([
      move(table, f, 'shipped', { status: 'delivered', deliveredAt: at, updatedAt: at }),
      event(table, 'FulfillmentDelivered', { fulfillmentId: f.id, orderId: f.orderId, deliveredAt: at }, now),
    ]),
  );
};

/**
 * Cancels an open fulfillment (`FulfillmentCanceled`): its units are to fulfil again. The totals' version
 * moves too, so a fulfillment decided on a reading before the cancel is decided again.
 */
export const cancelFulfillment = async (
  table: string,
  f: Fulfillment,
  seenVersion: number,
  now: Date,
): Promise<Written> => {
  const at = now.toISOString();
  return outcome(
    await transact([
      move(table, f, 'open', { status: 'canceled', canceledAt: at, updatedAt: at }),
      bump(table, f.orderId, seenVersion),
      event(table, 'FulfillmentCanceled', { fulfillmentId: f.id, orderId: f.orderId, canceledAt: at }, now),
    ]),
  );
};

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
