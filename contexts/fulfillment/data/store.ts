import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { type Return, returnSchema } from '../domain/returns.ts';
import { type Fulfillment, fulfillmentSchema } from '../domain/schemas.ts';
import { type StockMove, stockMoves } from '../domain/stock-moves.ts';
import { Entity, fulfillmentKeys } from './keys.ts';
import { type Beside, bump, commit, event, insert, type Written } from './partition.ts';

export type { Beside, Written } from './partition.ts';

/** A stored fulfillment, the fingerprints of the requests that made and shipped it, and its stock. */
export interface StoredFulfillment {
  readonly fulfillment: Fulfillment;
  readonly fingerprint: string;
  readonly shipmentFingerprint: string | null;
  /** What its creation did to stock (`stockWrites`); empty for fulfillments made before it was kept. */
  readonly moves: StockMove[];
  /** Canceled with its order: its units went back where they were taken, the sellers kept their units. */
  readonly canceledWithOrder: boolean;
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
      moves: stockMoves.parse(i.stockMoves ?? []),
      canceledWithOrder: i.canceledWithOrder === true,
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

/**
 * Records a new fulfillment with its stock moves and emits `FulfillmentCreated`, in one transaction: the
 * Put conditional on being new, the totals' version on the reading that allowed it, the order's facet,
 * and the stock (`beside`). 4 items + the stock's.
 */
export const createFulfillment = async (
  table: string,
  fulfillment: Fulfillment,
  fingerprint: string,
  moves: readonly StockMove[],
  seenVersion: number,
  beside: Beside,
  now: Date,
): Promise<Written> =>
  commit(
    [
      insert(table, {
        ...fulfillmentKeys.fulfillment(fulfillment.orderId, fulfillment.id),
        entity: Entity.fulfillment,
        ...fulfillment,
        fingerprint,
        stockMoves: moves,
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
    ],
    beside,
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
 * the totals and emits `OrderFulfilled`, in one transaction (4–5 items with the order's facet, conditional
 * on the fulfillment being open and the totals' version read, so `OrderFulfilled` is emitted once).
 */
export const shipFulfillment = async (
  table: string,
  shipped: Fulfillment,
  shipmentFingerprint: string,
  seenVersion: number,
  lastUnit: boolean,
  beside: Beside,
  now: Date,
): Promise<Written> => {
  const at = now.toISOString();
  const shipment = shipped.shipment!;
  return commit(
    [
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
    ],
    beside,
  );
};

/**
 * Marks a shipped fulfillment delivered (`FulfillmentDelivered`), once. The totals' version moves too: the
 * order's facet it writes was derived from the reading, so two deliveries decided on one reading cannot
 * both store theirs.
 */
export const deliverFulfillment = async (
  table: string,
  f: Fulfillment,
  seenVersion: number,
  beside: Beside,
  now: Date,
): Promise<Written> => {
  const at = now.toISOString();
  return commit(
    [
      move(table, f, 'shipped', { status: 'delivered', deliveredAt: at, updatedAt: at }),
      bump(table, f.orderId, seenVersion),
      event(table, 'FulfillmentDelivered', { fulfillmentId: f.id, orderId: f.orderId, deliveredAt: at }, now),
    ],
    beside,
  );
};

/**
 * Cancels an open fulfillment (`FulfillmentCanceled`): its units are to fulfil again, and the stock it
 * moved goes back (`beside`). The totals' version moves too, so a fulfillment decided on a reading before
 * the cancel is decided again. `withOrder` records that its order's cancellation canceled it.
 */
export const cancelFulfillment = async (
  table: string,
  f: Fulfillment,
  seenVersion: number,
  beside: Beside,
  now: Date,
  withOrder = false,
): Promise<Written> => {
  const at = now.toISOString();
  const changes = { status: 'canceled', canceledAt: at, updatedAt: at };
  return commit(
    [
      move(table, f, 'open', withOrder ? { ...changes, canceledWithOrder: true } : changes),
      bump(table, f.orderId, seenVersion),
      event(table, 'FulfillmentCanceled', { fulfillmentId: f.id, orderId: f.orderId, canceledAt: at }, now),
    ],
    beside,
  );
};
