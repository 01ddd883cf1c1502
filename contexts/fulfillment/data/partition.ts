import { type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { FULFILLMENT_SOURCE } from '../events.ts';
import { Entity, fulfillmentKeys } from './keys.ts';

/*
 * The writes every change of an order's fulfillment partition shares (fulfillments and returns alike):
 * the totals' version, new items, events, and how a transaction's answer reads.
 */

/** The totals Update every change makes: version + 1 if it is the version read (absent the first time). */
export const bump = (
  table: string,
  orderId: string,
  seenVersion: number,
  fulfilledAt?: string,
): TransactItem => ({
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

/**
 * A ConditionCheck that the order's fulfillments did not change since the reading at `seenVersion`, for a
 * transaction of another context that decided on them (a cancellation request that found none shipped).
 */
export const unchangedSince = (table: string, orderId: string, seenVersion: number): TransactItem => ({
  ConditionCheck: {
    TableName: table,
    Key: fulfillmentKeys.totals(orderId),
    ConditionExpression: seenVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :seen',
    ...(seenVersion === 0 ? {} : { ExpressionAttributeValues: { ':seen': seenVersion } }),
  },
});

/** The Put of an item that must be new (its id names one request: a retry fails it and reads it back). */
export const insert = (table: string, Item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** The outbox Put of one fulfillment event. */
export const event = (table: string, detailType: string, data: unknown, now: Date): TransactItem => ({
  Put: { TableName: table, Item: outboxItem(FULFILLMENT_SOURCE, detailType, data, now) },
});

/**
 * What a write did: committed; the fulfillment's id was taken (or its status moved); a stock condition
 * failed (not enough available stock where units are taken); or another change came first.
 */
export type Written = 'written' | 'exists' | 'stock' | 'conflict';

/** A transaction's answer: its first item (the one the change is about) refused means `exists`. */
export const outcome = (result: Awaited<ReturnType<typeof transact>>): Written =>
  result.ok ? 'written' : result.conditionFailed[0] ? 'exists' : 'conflict';

/**
 * What a fulfillment's change writes beside its own items: the order's fulfillment status as it becomes
 * (`orderFacetsUpdate`), and the stock its units move (`stockWrites`).
 */
export interface Beside {
  readonly facet: TransactItem;
  readonly stock?: readonly TransactItem[];
}

/** One transaction of `own` items, then the facet, then the stock; a stock condition that failed: `stock`. */
export const commit = async (own: TransactItem[], beside: Beside): Promise<Written> => {
  const result = await transact([...own, beside.facet, ...(beside.stock ?? [])]);
  if (result.ok || result.conditionFailed[0]) return outcome(result);
  return result.conditionFailed.slice(own.length + 1).some(Boolean) ? 'stock' : 'conflict';
};

/**
 * The items creating or canceling a fulfillment writes besides its stock (the fulfillment, the totals,
 * its event, the order's facet): a transaction has `MAX_TRANSACT_ITEMS` less these for the stock.
 */
export const OWN_ITEMS = 4;
