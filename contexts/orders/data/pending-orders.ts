import { createHash } from 'node:crypto';
import type { TransactItem } from '#platform/data/transact.ts';
import type { Order } from '../domain/schemas.ts';
import { Entity, orderKeys } from './keys.ts';

/*
 * The unpaid orders of an e-mail address are a string SET of order ids rather than a number: adding an id
 * twice (a retried placing) and removing one never added (an order placed before the limit existed, a
 * second end) are both no-ops, so the count can neither drift nor go negative.
 */

/**
 * The e-mail address as the limit counts it: trimmed and lower-cased (a changed case is the same inbox),
 * then hashed, so the counter's key carries no personal data.
 */
const emailRef = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * The placing's `Update` adding the order to its e-mail's unpaid orders, refused (condition) when `max`
 * are there already; none for an order without an e-mail.
 */
export const pendingOrderAddItems = (table: string, order: Order, max: number): TransactItem[] =>
  order.email
    ? [
        {
          Update: {
            TableName: table,
            Key: orderKeys.pendingByEmail(emailRef(order.email)),
            UpdateExpression: 'ADD #orders :id SET entity = :entity',
            // An empty set is removed by DynamoDB, hence attribute_not_exists for "none pending".
            ConditionExpression: 'attribute_not_exists(#orders) OR size(#orders) < :max',
            ExpressionAttributeNames: { '#orders': 'orderIds' },
            ExpressionAttributeValues: {
              ':id': new Set([order.id]),
              ':entity': Entity.pendingOrders,
              ':max': max,
            },
          },
        },
      ]
    : [];

/**
 * The `Update` removing the order from its e-mail's unpaid orders, in the transaction that moves it out
 * of `pending_payment` (paid, declined, expired, canceled). Unconditional: it must never void that move.
 */
export const pendingOrderRemoveItems = (table: string, order: Order): TransactItem[] =>
  order.email
    ? [
        {
          Update: {
            TableName: table,
            Key: orderKeys.pendingByEmail(emailRef(order.email)),
            // SET entity: an order placed before the limit existed finds no item, and this creates one.
            UpdateExpression: 'DELETE #orders :id SET entity = :entity',
            ExpressionAttributeNames: { '#orders': 'orderIds' },
            ExpressionAttributeValues: { ':id': new Set([order.id]), ':entity': Entity.pendingOrders },
          },
        },
      ]
    : [];
