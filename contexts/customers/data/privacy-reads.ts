import { cartKeys } from '#contexts/carts/data/keys.ts';
import { readFulfillments } from '#contexts/fulfillment/data/store.ts';
import { listRowOf, orderView } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { OrderSummary } from '#contexts/orders/domain/schemas.ts';
import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { queryAll } from '#platform/data/pages.ts';
import type { CustomerExport } from '../domain/privacy.ts';

type Item = Record<string, unknown>;

/**
 * A customer's order summaries (gsi1 "a customer's orders", every page: a customer's orders are a
 * bounded partition of small rows, never a scan). Guest orders placed with the same e-mail are not the
 * customer's: they answer to their order token, and matching by e-mail would hand them to whoever signs
 * up with that address.
 */
export const customerOrderRows = async (table: string, customerId: string): Promise<OrderSummary[]> =>
  (
    await queryAll({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': orderKeys.customerPartition(customerId) },
    })
  ).map(listRowOf);

/** A customer's open carts as stored (gsi1 lists a customer's carts while they are open). */
export const customerOpenCarts = async (table: string, customerId: string): Promise<Item[]> =>
  queryAll({
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': cartKeys.customerOpenPartition(customerId) },
  });

/** One order as its owner reads it, with its refunds, fulfillments and returns (3 Queries). */
const exportedOrder = async (table: string, orders: OrderRepository, orderId: string) => {
  const [order, payment, ledger] = await Promise.all([
    orders.get(orderId),
    readRefunds(table, orderId),
    readFulfillments(table, orderId),
  ]);
  if (!order) return undefined;
  const view = orderView(order, {
    refunds: payment.refunds.map((r) => r.refund),
    providerRefunded: payment.providerRefunded,
    fulfillments: ledger.fulfillments.map((f) => f.fulfillment),
  });
  return { ...view, returns: ledger.returns.map((r) => r.orderReturn) };
};

/** Every order of the customer in full, a few at a time so a long history does not flood the table. */
export const exportedOrders = async (
  table: string,
  orders: OrderRepository,
  rows: readonly OrderSummary[],
): Promise<CustomerExport['orders']> => {
  const found: CustomerExport['orders'] = [];
  const PARALLEL = 8;
  for (let at = 0; at < rows.length; at += PARALLEL) {
    const batch = rows.slice(at, at + PARALLEL).map((row) => exportedOrder(table, orders, row.id));
    for (const order of await Promise.all(batch)) if (order) found.push(order);
  }
  return found;
};
