/** Every key of the orders' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the orders' items (table and index partitions). */
export const orderKeyPrefixes = ['ORDER#', 'ORDERS#'] as const;

/**
 * An order is two items in one partition (see docs/orders.md): the body (`ORDER`: its snapshot of lines,
 * totals, address and status history, read by one GetItem) and its list row (`SUMMARY`: a few hundred
 * bytes), which alone carries the index keys, so the lists never project a whole order and a change of the
 * body that is not a status change writes no index. Both indexes sort by `<createdAt>#<orderId>`:
 * immutable, unique, and newest first when descending.
 */
export const orderKeys = {
  order: (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  summary: (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'SUMMARY' }),
  /** The order's cancellation request: who asked, why, under which Idempotency-Key (written once). */
  cancellation: (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'CANCELLATION' }),
  sortKey: (createdAt: string, orderId: string) => `${createdAt}#${orderId}`,
  /** gsi1 "a customer's orders, newest first" (`GET /me/orders`, the admin customer filter); guests have none. */
  customerPartition: (customerId: string) => `ORDERS#customer#${customerId}`,
  byCustomer: (customerId: string, createdAt: string, orderId: string) => ({
    gsi1pk: orderKeys.customerPartition(customerId),
    gsi1sk: orderKeys.sortKey(createdAt, orderId),
  }),
  /**
   * gsi2 "orders in a status, newest first" (the admin list), for the listed statuses only, spread over
   * `buckets` partitions per status by a hash of the order id. A listed status costs 1 WCU per order on its
   * bucket (a summary is under 1 KB), and one partition key takes 1,000 WCU/s: 16 buckets carry 16,000
   * orders a second into one status, above the 10,000 the shop must take, with 37 % headroom for an
   * uneven second. More buckets would only widen the admin list's fan-out (one Query per bucket).
   */
  buckets: 16,
  /**
   * The unpaid orders of one e-mail address (a hash of it: no personal data in a key), as a string set
   * of order ids that checkout adds to and the order's end removes from, both in their transactions.
   */
  pendingByEmail: (emailRef: string) => ({ pk: `ORDERS#pending#${emailRef}`, sk: 'PENDING' }),
  statusPartition: (status: string, bucket: number) => `ORDERS#status#${status}#${bucket}`,
  byStatus: (status: string, bucket: number, createdAt: string, orderId: string) => ({
    gsi2pk: orderKeys.statusPartition(status, bucket),
    gsi2sk: orderKeys.sortKey(createdAt, orderId),
  }),
};

/** The `entity` attribute of the orders' items. */
export const Entity = {
  order: 'ORDER',
  orderSummary: 'ORDER_SUMMARY',
  orderCancellation: 'ORDER_CANCELLATION',
  pendingOrders: 'PENDING_ORDERS',
} as const;
