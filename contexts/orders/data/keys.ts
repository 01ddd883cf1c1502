/** Every key of the orders' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the orders' items (table and index partitions). */
export const orderKeyPrefixes = ['ORDER#', 'ORDERS#'] as const;

/**
 * An order is one item (see docs/orders.md): its snapshot of lines, totals, address and status history
 * live inside it, so reading an order is one GetItem and every transition one conditional Update.
 * Both indexes sort by `<createdAt>#<orderId>`: immutable, unique, and newest first when descending.
 */
export const orderKeys = {
  order: (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  sortKey: (createdAt: string, orderId: string) => `${createdAt}#${orderId}`,
  /** gsi1 "a customer's orders, newest first" (`GET /me/orders`, the admin customer filter); guests have none. */
  customerPartition: (customerId: string) => `ORDERS#customer#${customerId}`,
  byCustomer: (customerId: string, createdAt: string, orderId: string) => ({
    gsi1pk: orderKeys.customerPartition(customerId),
    gsi1sk: orderKeys.sortKey(createdAt, orderId),
  }),
  /**
   * gsi2 "orders in a status, newest first" (the admin list), spread over `buckets` partitions per status
   * so a flash sale's burst of orders never meets on one index partition; a transition moves the order to
   * its new status's partition, in the same bucket.
   */
  buckets: 4,
  statusPartition: (status: string, bucket: number) => `ORDERS#status#${status}#${bucket}`,
  byStatus: (status: string, bucket: number, createdAt: string, orderId: string) => ({
    gsi2pk: orderKeys.statusPartition(status, bucket),
    gsi2sk: orderKeys.sortKey(createdAt, orderId),
  }),
};

/** The `entity` attribute of the orders' items. */
export const Entity = { order: 'ORDER' } as const;
