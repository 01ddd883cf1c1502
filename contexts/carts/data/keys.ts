/** Every key of the carts' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the carts' items (table and index partitions). */
export const cartKeyPrefixes = ['CART#', 'CARTS#'] as const;

/**
 * A cart is one item: its lines live inside it (at most 100, a few KB), so a cart is one GetItem and
 * every change one conditional write on its `version`. Beside it, in its partition, a small idle marker
 * carries the cart's place in the idle index, so no cart edit writes to that index (docs/cart.md).
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
  /** The cart's idle marker: written when the cart becomes abandonable, never by later edits. */
  idleMarker: (cartId: string) => ({ pk: `CART#${cartId}`, sk: 'IDLE' }),
  /**
   * gsi2 "idle markers, oldest first", spread over `buckets` partitions: at 10,000 orders a second each
   * bucket takes about 313 marker writes a second, under a third of one partition's 1,000 WCU/s.
   */
  buckets: 32,
  idlePartition: (bucket: number) => `CARTS#idle#${bucket}`,
  idle: (bucket: number, armedAt: string, cartId: string) => ({
    gsi2pk: `CARTS#idle#${bucket}`,
    gsi2sk: `${armedAt}#${cartId}`,
  }),
  /**
   * A cart's failed code attempts in its current window: beside the cart in its partition, one small
   * item, removed by TTL. Never read: a conditional atomic ADD both counts and refuses.
   */
  codeAttempts: (cartId: string) => ({ pk: `CART#${cartId}`, sk: 'CODE_ATTEMPTS' }),
  /** How far the abandoned-cart sweep has read one idle bucket (one item per bucket, own partition). */
  sweepCheckpoint: (bucket: number) => ({ pk: `CARTS#sweep#${bucket}`, sk: 'CHECKPOINT' }),
};

/** The `entity` attribute of the carts' items. */
export const Entity = {
  cart: 'CART',
  idleMarker: 'CART_IDLE',
  sweepCheckpoint: 'CART_SWEEP',
  codeAttempts: 'CART_CODE_ATTEMPTS',
} as const;
