import type { TransactItem } from '#platform/data/transact.ts';
import {
  type Order,
  type OrderSummary,
  type OrderView,
  orderRecord,
  orderSummarySchema,
} from '../domain/schemas.ts';
import { isListed } from '../domain/status.ts';
import { Entity, orderKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** Which of the status index's buckets an order sits in: a stable small number from its id. */
export const bucketOf = (orderId: string): number => {
  let hash = 0;
  for (const char of orderId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % orderKeys.buckets;
};

/** The order's body: the whole snapshot and history, under its primary key only (no index reads it). */
export const orderItem = (order: Order): Item => ({
  ...orderKeys.order(order.id),
  entity: Entity.order,
  ...order,
});

/** The order a body item holds (keys and the entity tag dropped). */
export const orderFromItem = (item: Item): Order => orderRecord.parse(item);

/** The order as the API shows it: the guest token's hash never leaves the table. */
export const orderView = (order: Order): OrderView => {
  const { tokenHash: _hidden, ...view } = order;
  return view;
};

/** A list row of an order. */
export const orderSummary = (order: Order): OrderSummary => ({
  id: order.id,
  status: order.status,
  customerId: order.customerId,
  email: order.email,
  currency: order.currency,
  grandTotal: order.totals.grandTotal,
  itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
});

/**
 * The order's list row, with the index keys of the order: gsi1 for a customer's orders (guests have
 * none), gsi2 for the admin list in a listed status only (none while `pending_payment`). `version` is the
 * body's version it reflects. Both sort keys are the creation time, which never changes.
 */
export const summaryItem = (summary: OrderSummary, version: number): Item => ({
  ...orderKeys.summary(summary.id),
  ...(summary.customerId ? orderKeys.byCustomer(summary.customerId, summary.createdAt, summary.id) : {}),
  ...(isListed(summary.status)
    ? orderKeys.byStatus(summary.status, bucketOf(summary.id), summary.createdAt, summary.id)
    : {}),
  entity: Entity.orderSummary,
  ...summary,
  version,
});

/** The list row a summary item holds (keys, entity and version dropped). */
export const summaryFromItem = (item: Item): OrderSummary => orderSummarySchema.parse(item);

/**
 * The list row of an index entry: a summary, or the body of an order stored before summaries existed
 * (it carried the index keys then) until `ordersSummaryV1` has moved them to its summary. Never both:
 * the backfill and every transition write the summary and drop the body's keys in one transaction.
 */
export const listRowOf = (item: Item): OrderSummary =>
  item.entity === Entity.order ? orderSummary(orderFromItem(item)) : summaryFromItem(item);

/**
 * The checkout transaction's Puts of a new order, its body then its summary, each
 * `attribute_not_exists(pk)`: a retried placing transaction can never write the order twice (its
 * cancellation reasons say the order exists).
 */
export const orderCreateItems = (table: string, order: Order): [TransactItem, TransactItem] => {
  const record = orderRecord.parse(order);
  const put = (Item: Item): TransactItem => ({
    Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  return [put(orderItem(record)), put(summaryItem(orderSummary(record), record.version))];
};
