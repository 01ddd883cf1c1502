/** Every key of the carts' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the carts' items (table and index partitions). */
export const cartKeyPrefixes = ['CART#', 'CARTS#'] as const;

/**
 * A cart is one item: its lines live inside it (at most 100, a few KB), so a cart is one GetItem and
 * every change one conditional write on its `version`.
 */
export const cartKeys = {
  cart: (cartId: string) => ({ pk: `CART#${cartId}`, sk: 'CART' }),
  /**
   * gsi1 "a customer's open carts" (claim finds the one to merge into). Sorted by creation, which never
   * changes: an edit rewrites the index entry in place instead of moving it (a delete and a put).
   */
  customerOpen: (customerId: string, createdAt: string, cartId: string) => ({
    gsi1pk: `CARTS#customer#${customerId}`,
    gsi1sk: `${createdAt}#${cartId}`,
  }),
  customerOpenPartition: (customerId: string) => `CARTS#customer#${customerId}`,
  /**
   * gsi2 "open carts with an e-mail, least recently changed first", spread over `buckets` partitions so
   * a campaign's cart writes never meet on one index partition; the abandoned-cart sweep reads them all.
   */
  buckets: 16,
  idlePartition: (bucket: number) => `CARTS#idle#${bucket}`,
  idle: (bucket: number, updatedAt: string, cartId: string) => ({
    gsi2pk: `CARTS#idle#${bucket}`,
    gsi2sk: `${updatedAt}#${cartId}`,
  }),
};

/** The `entity` attribute of the carts' items. */
export const Entity = { cart: 'CART' } as const;
