import { randomUUID } from 'node:crypto';
import type { TransactItem } from '#platform/data/transact.ts';
import { eventCarrier } from '#platform/events/outbox.ts';
import type { Allocation, LedgerType, Reservation } from '../domain/schemas.ts';
import { Entity, reservationKeys, stockKeys } from './keys.ts';
import type { StockSettings } from './stock-reader.ts';

/** Who changed stock: an admin's token subject, or a service (`checkout`, `expiry`). */
export type StockActor = string;

/** The item of a variant's stock settings (shard 0's partition). */
export const stockSettingsItem = (settings: StockSettings) => ({
  ...stockKeys.settings(settings.variantId),
  entity: Entity.stockSettings,
  ...settings,
});

/** A ledger entry: one signed change of one shard's on-hand stock, with why and who. */
export interface LedgerEntry {
  readonly variantId: string;
  readonly locationId: string;
  readonly shard: number;
  readonly type: LedgerType;
  readonly delta: number;
  readonly reason: string;
  readonly actor: StockActor;
  readonly reservationId?: string;
  /** Units that left the location (`fulfillment`) or came back (`fulfillment_canceled`), whatever `delta`. */
  readonly quantity?: number;
  readonly fulfillmentId?: string;
}

/**
 * The Put of a ledger entry, in the ledger partition of the shard it changes (so it scales with it). A
 * new item (its key ends in a fresh id), never rewritten and in no index: it can carry its transaction's
 * events (a commit's `OrderPlaced`, `PaymentSucceeded`, `StockCommitted` fit beside a one-line entry).
 */
export const ledgerPut = (table: string, entry: LedgerEntry, now: Date): TransactItem => {
  const at = now.toISOString();
  return eventCarrier({
    Put: {
      TableName: table,
      Item: {
        ...stockKeys.ledger(entry.variantId, entry.shard, at, randomUUID()),
        entity: Entity.stockLedger,
        at,
        ...entry,
      },
    },
  });
};

/**
 * Changes one shard's on-hand (and so available) stock by `delta`, creating the level on first use.
 * A decrease is conditional on enough available stock, so neither figure can go below zero. `seen`
 * (the on-hand figure read, or null for "no level yet") makes the change fail if a commit or another
 * adjustment got there first, which is how an absolute count stays absolute.
 */
export const adjustLevel = (
  table: string,
  a: { variantId: string; locationId: string; shard: number },
  delta: number,
  now: Date,
  seen?: number | null,
): TransactItem => {
  const conditions: string[] = [];
  const values: Record<string, unknown> = {};
  if (delta < 0) {
    conditions.push('available >= :need');
    values[':need'] = -delta;
  }
  if (seen === null) conditions.push('attribute_not_exists(pk)');
  else if (seen !== undefined) {
    conditions.push('onHand = :seen');
    values[':seen'] = seen;
  }
  return {
    Update: {
      TableName: table,
      Key: stockKeys.level(a.variantId, a.shard, a.locationId),
      UpdateExpression:
        'ADD onHand :d, available :d, reserved :zero SET entity = :e, variantId = :v, locationId = :l, #shard = :s, updatedAt = :now',
      ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
      // `shard` is a DynamoDB reserved word.
      ExpressionAttributeNames: { '#shard': 'shard' },
      ExpressionAttributeValues: {
        ':d': delta,
        ':zero': 0,
        ':e': Entity.stockLevel,
        ':v': a.variantId,
        ':l': a.locationId,
        ':s': a.shard,
        ':now': now.toISOString(),
        ...values,
      },
    },
  };
};

/**
 * Puts sold units back on the shelf of the shard and location they were sold from (a canceled order):
 * on-hand and available rise together, and a `return` ledger entry says why.
 */
export const restockSold = (
  table: string,
  a: Allocation,
  reason: string,
  actor: string,
  now: Date,
): TransactItem[] => [
  adjustLevel(table, a, a.quantity, now),
  ledgerPut(table, { ...a, type: 'return', delta: a.quantity, reason, actor }, now),
];

/** Holds an allocation's units: only if the shard has them available (the no-oversell condition). */
export const holdUnits = (table: string, a: Allocation): TransactItem => ({
  Update: {
    TableName: table,
    Key: stockKeys.level(a.variantId, a.shard, a.locationId),
    UpdateExpression: 'ADD reserved :q, available :negq',
    ConditionExpression: 'available >= :q',
    ExpressionAttributeValues: { ':q': a.quantity, ':negq': -a.quantity },
  },
});

/** Returns held units to the shard they came from; `reserved >= :q` guards against a double release. */
export const returnUnits = (table: string, a: Allocation): TransactItem => ({
  Update: {
    TableName: table,
    Key: stockKeys.level(a.variantId, a.shard, a.locationId),
    UpdateExpression: 'ADD reserved :negq, available :q',
    ConditionExpression: 'reserved >= :q',
    ExpressionAttributeValues: { ':q': a.quantity, ':negq': -a.quantity },
  },
});

/** Takes held units out of stock for good (a sale): on-hand and reserved fall together. */
export const shipUnits = (table: string, a: Allocation): TransactItem => ({
  Update: {
    TableName: table,
    Key: stockKeys.level(a.variantId, a.shard, a.locationId),
    UpdateExpression: 'ADD onHand :negq, reserved :negq',
    ConditionExpression: 'reserved >= :q',
    ExpressionAttributeValues: { ':q': a.quantity, ':negq': -a.quantity },
  },
});

/** The gsi1 bucket of a held reservation: a stable hash of its id over the buckets. */
export const heldBucket = (reservationId: string): number => {
  let h = 0;
  for (const c of reservationId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % reservationKeys.buckets;
};

/**
 * A reservation item. The hold's end is `holdUntil`, deliberately not the table's TTL attribute
 * (`expiresAt`): TTL would delete a held reservation and strand its units as reserved forever. TTL only
 * removes a reservation 30 days after it settled.
 */
export const reservationItem = (r: Reservation) => ({
  ...reservationKeys.reservation(r.id),
  ...(r.status === 'held' ? reservationKeys.held(heldBucket(r.id), r.expiresAt, r.id) : {}),
  entity: Entity.reservation,
  id: r.id,
  ref: r.ref,
  status: r.status,
  lines: r.lines,
  allocations: r.allocations,
  holdUntil: r.expiresAt,
  createdAt: r.createdAt,
});

/** Seconds a settled reservation is kept for support staff before TTL removes it. */
export const SETTLED_RETENTION_SECONDS = 30 * 24 * 60 * 60;
