import type { TransactItem } from '#platform/data/transact.ts';
import { type Order, type OrderSummary, type OrderView, orderRecord } from '../domain/schemas.ts';
import { Entity, orderKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** Which of the status index's buckets an order sits in: a stable small number from its id. */
export const bucketOf = (orderId: string): number => {
  let hash = 0;
  for (const char of orderId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % orderKeys.buckets;
};

/**
 * The order item. gsi1 lists a customer's orders (guests have no gsi1 keys); gsi2 lists orders by
 * status. Both sort by creation time, which never changes; only gsi2pk follows the status.
 */
export const orderItem = (order: Order): Item => ({
  ...orderKeys.order(order.id),
  ...(order.customerId ? orderKeys.byCustomer(order.customerId, order.createdAt, order.id) : {}),
  ...orderKeys.byStatus(order.status, bucketOf(order.id), order.createdAt, order.id),
  entity: Entity.order,
  ...order,
});

/** The order an item holds (keys and the entity tag dropped). */
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
 * The checkout transaction's Put of a new order: `attribute_not_exists(pk)`, so a retried placing
 * transaction can never write the order twice (its cancellation reason says the order exists).
 */
export const orderCreatePut = (table: string, order: Order): TransactItem => ({
  Put: {
    TableName: table,
    Item: orderItem(orderRecord.parse(order)),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
