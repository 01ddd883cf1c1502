/**
 * Every key of the single table is composed here and nowhere else (see docs/data-model.md).
 * No attribute that can change is part of a primary key; status and sort order live in GSI keys.
 */

export type ProductStatus = 'draft' | 'active' | 'archived';

const PRODUCT = 'PRODUCT#';

/** Keys of one product's item collection: the product item and its variants share a partition. */
export const productKeys = {
  collection: (productId: string) => ({ pk: `${PRODUCT}${productId}` }),
  product: (productId: string) => ({ pk: `${PRODUCT}${productId}`, sk: 'PRODUCT' }),
  variant: (productId: string, variantId: string) => ({
    pk: `${PRODUCT}${productId}`,
    sk: `VARIANT#${variantId}`,
  }),
  variantPrefix: 'VARIANT#',
};

/** gsi1 "products by status, newest first": partition per status, sorted by creation time then id. */
export const productsByStatus = {
  partition: (status: ProductStatus) => ({ gsi1pk: `PRODUCTS#${status}` }),
  item: (status: ProductStatus, createdAt: string, productId: string) => ({
    gsi1pk: `PRODUCTS#${status}`,
    gsi1sk: `${createdAt}#${productId}`,
  }),
};

// --- catalog -----------------------------------------------------------------------------------
/**
 * A listing entry of an active product (see docs/catalog.md): in the product's own partition so it is
 * found and replaced with the product; gsi1 sorts a listing newest first, gsi2 by price.
 */
export const listingKeys = {
  /** `all`, `cat:<categoryId>` or `tok:<token>`. */
  name: {
    all: 'all',
    category: (categoryId: string) => `cat:${categoryId}`,
    token: (token: string) => `tok:${token}`,
  },
  entry: (productId: string, listing: string, currency: string) => ({
    pk: `${PRODUCT}${productId}`,
    sk: `LISTING#${listing}#${currency}`,
  }),
  entryPrefix: 'LISTING#',
  partition: (listing: string, currency: string) => `LIST#${listing}#${currency}`,
  newest: (listing: string, currency: string, createdAt: string, productId: string) => ({
    gsi1pk: `LIST#${listing}#${currency}`,
    gsi1sk: `${createdAt}#${productId}`,
  }),
  /** Prices are zero-padded to 12 digits (the largest price has 12) so string order is numeric order. */
  byPrice: (listing: string, currency: string, amount: number, productId: string) => ({
    gsi2pk: `LIST#${listing}#${currency}`,
    gsi2sk: `${listingKeys.paddedPrice(amount)}#${productId}`,
  }),
  paddedPrice: (amount: number) => String(amount).padStart(12, '0'),
};

/** The sort keys of a product page: the product item and its variants (`PRODUCT` ≤ sk), not listings. */
export const productPageStart = 'PRODUCT';

/** gsi2 "product by slug": the product item and its variants carry it, so a slug page is one Query. */
export const productBySlug = (slug: string, sk: string) => ({ gsi2pk: `SLUG#${slug}`, gsi2sk: sk });
export const productBySlugPartition = (slug: string) => `SLUG#${slug}`;

/** A unique value (a slug, a SKU) held by one product; written with attribute_not_exists. */
export const uniqueKeys = {
  slug: (slug: string) => ({ pk: `UNIQUE#slug#${slug}`, sk: 'UNIQUE' }),
  sku: (sku: string) => ({ pk: `UNIQUE#sku#${sku}`, sk: 'UNIQUE' }),
};

/** An audit record of a change to a product or category: who, what, when; newest last in the partition. */
export const auditKeys = {
  productCollection: (productId: string) => ({ pk: `AUDIT#product#${productId}` }),
  product: (productId: string, at: string, id: string) => ({
    pk: `AUDIT#product#${productId}`,
    sk: `${at}#${id}`,
  }),
  categoryCollection: (categoryId: string) => ({ pk: `AUDIT#category#${categoryId}` }),
  category: (categoryId: string, at: string, id: string) => ({
    pk: `AUDIT#category#${categoryId}`,
    sk: `${at}#${id}`,
  }),
};

/** A category; gsi1 `CATEGORIES` holds every category, so the tree is one Query. */
export const categoryKeys = {
  category: (categoryId: string) => ({ pk: `CATEGORY#${categoryId}`, sk: 'CATEGORY' }),
  tree: (categoryId: string) => ({ gsi1pk: 'CATEGORIES', gsi1sk: categoryId }),
  treePartition: 'CATEGORIES',
};
// --- end catalog -------------------------------------------------------------------------------

/** An outbox record: written in the transaction of the change it reports, relayed from the stream. */
export const outboxKeys = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });

/** A consumer's record that it has handled an event: makes every consumer idempotent by event id. */
export const processedEventKeys = (consumer: string, eventId: string) => ({
  pk: `EVENT#${eventId}`,
  sk: `CONSUMER#${consumer}`,
});

/** A Step Functions task token waiting for a decision, by execution name. */
export const taskTokenKeys = (executionName: string) => ({ pk: `TASK#${executionName}`, sk: 'TOKEN' });

// --- customers ---------------------------------------------------------------------------------
const CUSTOMER = 'CUSTOMER#';

/**
 * Keys of one customer's item collection: the profile and every address share the partition of the
 * customer's id (the token's `sub`, which never changes), so the whole customer is one Query.
 */
export const customerKeys = {
  collection: (customerId: string) => ({ pk: `${CUSTOMER}${customerId}` }),
  profile: (customerId: string) => ({ pk: `${CUSTOMER}${customerId}`, sk: 'PROFILE' }),
  address: (customerId: string, addressId: string) => ({
    pk: `${CUSTOMER}${customerId}`,
    sk: `ADDRESS#${addressId}`,
  }),
  addressPrefix: 'ADDRESS#',
};
// --- end customers -----------------------------------------------------------------------------

// --- inventory -------------------------------------------------------------------------------
/**
 * Stock (see docs/inventory.md). A variant's stock lives in shard partitions: shard 0 is
 * `STOCK#<variantId>` (it also holds the variant's SETTINGS), shard k > 0 is `STOCK#<variantId>#<k>`, so a
 * hot variant's writes spread over N partitions. Each shard holds one LEVEL item per location, and its own
 * ledger partition, so commits scale with the shards too.
 */
export const stockKeys = {
  shardPartition: (variantId: string, shard: number) =>
    shard === 0 ? `STOCK#${variantId}` : `STOCK#${variantId}#${shard}`,
  settings: (variantId: string) => ({ pk: `STOCK#${variantId}`, sk: 'SETTINGS' }),
  /** The stockAlerts monitor's state (which alerts fired), beside the settings in shard 0. */
  alerts: (variantId: string) => ({ pk: `STOCK#${variantId}`, sk: 'ALERTS' }),
  level: (variantId: string, shard: number, locationId: string) => ({
    pk: stockKeys.shardPartition(variantId, shard),
    sk: `LEVEL#${locationId}`,
  }),
  levelPrefix: 'LEVEL#',
  ledgerPartition: (variantId: string, shard: number) => `STOCKLOG#${variantId}#${shard}`,
  ledger: (variantId: string, shard: number, at: string, id: string) => ({
    pk: stockKeys.ledgerPartition(variantId, shard),
    sk: `${at}#${id}`,
  }),
};

/** A stock location; gsi1 `STOCK_LOCATIONS` lists them all in one Query (there are few). */
export const stockLocationKeys = {
  location: (locationId: string) => ({ pk: `STOCKLOC#${locationId}`, sk: 'LOCATION' }),
  list: (locationId: string) => ({ gsi1pk: 'STOCK_LOCATIONS', gsi1sk: locationId }),
  listPartition: 'STOCK_LOCATIONS',
};

/**
 * A reservation. While held it sits in gsi1 "held, soonest expiry first", spread over `buckets`
 * partitions so thousands of reservations a second never meet on one index partition; the expiry sweep
 * reads every bucket. gsi2 finds a reservation by the order or cart it belongs to.
 */
export const reservationKeys = {
  reservation: (reservationId: string) => ({ pk: `RESERVATION#${reservationId}`, sk: 'RESERVATION' }),
  buckets: 16,
  heldPartition: (bucket: number) => `RESERVATIONS#held#${bucket}`,
  held: (bucket: number, holdUntil: string, reservationId: string) => ({
    gsi1pk: `RESERVATIONS#held#${bucket}`,
    gsi1sk: `${holdUntil}#${reservationId}`,
  }),
  byRefPartition: (ref: string) => `RESERVATION_REF#${ref}`,
  byRef: (ref: string, createdAt: string, reservationId: string) => ({
    gsi2pk: `RESERVATION_REF#${ref}`,
    gsi2sk: `${createdAt}#${reservationId}`,
  }),
};
// --- end inventory -----------------------------------------------------------------------------

// --- pricing -----------------------------------------------------------------------------------
/**
 * A promotion (see docs/pricing.md). Its usage counters share its partition: `USAGE` (all redemptions)
 * and one `CUSTOMER#<id>` item per customer who redeemed it, so a checkout's conditional increments and
 * the cart's reads address them by key. A code is a uniqueness item pointing at the promotion; codes
 * never change, so a cart stores the promotion id it resolved.
 */
export const promotionKeys = {
  promotion: (promotionId: string) => ({ pk: `PROMOTION#${promotionId}`, sk: 'PROMOTION' }),
  usage: (promotionId: string) => ({ pk: `PROMOTION#${promotionId}`, sk: 'USAGE' }),
  customerUsage: (promotionId: string, customerId: string) => ({
    pk: `PROMOTION#${promotionId}`,
    sk: `CUSTOMER#${customerId}`,
  }),
  /** Written once when the usage limit is reached, so `PromotionUsageExhausted` is emitted once. */
  exhausted: (promotionId: string) => ({ pk: `PROMOTION#${promotionId}`, sk: 'EXHAUSTED' }),
  code: (code: string) => ({ pk: `PROMOCODE#${code}`, sk: 'PROMOCODE' }),
  /** gsi1 "every promotion, newest first" for the admin list. */
  list: (createdAt: string, promotionId: string) => ({
    gsi1pk: 'PROMOTIONS',
    gsi1sk: `${createdAt}#${promotionId}`,
  }),
  listPartition: 'PROMOTIONS',
  /** gsi2 "automatic promotions": every cart read queries it (few items: they apply to every cart). */
  automatic: (promotionId: string) => ({ gsi2pk: 'PROMOTIONS#automatic', gsi2sk: promotionId }),
  automaticPartition: 'PROMOTIONS#automatic',
};

/** A shipping option; gsi1 `SHIPPING_OPTIONS` lists them all in one Query (there are few). */
export const shippingOptionKeys = {
  option: (optionId: string) => ({ pk: `SHIPPING#${optionId}`, sk: 'SHIPPING_OPTION' }),
  list: (optionId: string) => ({ gsi1pk: 'SHIPPING_OPTIONS', gsi1sk: optionId }),
  listPartition: 'SHIPPING_OPTIONS',
};

/** Store-wide settings, one item each. */
export const settingsKeys = {
  tax: { pk: 'SETTINGS', sk: 'TAX' },
};
// --- end pricing -------------------------------------------------------------------------------

// --- carts -------------------------------------------------------------------------------------
/**
 * A cart is one item: its lines live inside it (at most 100, a few KB), so a cart is one GetItem and
 * every change one conditional write on its `version`.
 */
export const cartKeys = {
  cart: (cartId: string) => ({ pk: `CART#${cartId}`, sk: 'CART' }),
  /** gsi1 "a customer's open carts, most recently changed first" (claim finds the one to merge into). */
  customerOpen: (customerId: string, updatedAt: string, cartId: string) => ({
    gsi1pk: `CARTS#customer#${customerId}`,
    gsi1sk: `${updatedAt}#${cartId}`,
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

/** gsi1 "variant by id": each variant item carries it, so a cart finds a variant's product in one Query. */
export const variantById = (variantId: string) => ({ gsi1pk: `VARIANT#${variantId}`, gsi1sk: 'VARIANT' });
// --- end carts ---------------------------------------------------------------------------------

// --- orders ------------------------------------------------------------------------------------
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
// --- end orders --------------------------------------------------------------------------------

// --- payments ----------------------------------------------------------------------------------
/**
 * A payment's outcome for an order, written by the Stripe webhook (one item per order: the latest
 * outcome allowed to replace the one before), and the task token of the checkout waiting for it: the
 * saga's wait step stores its token under `waiter`, then reads `result` (see docs/payments.md).
 */
export const paymentKeys = {
  result: (orderId: string) => ({ pk: `PAYMENT#${orderId}`, sk: 'RESULT' }),
  /** A task token like any other, under the name `payment-<orderId>`. */
  waiter: (orderId: string) => taskTokenKeys(`payment-${orderId}`),
};
// --- end payments ------------------------------------------------------------------------------

// --- notifications -----------------------------------------------------------------------------
/**
 * An outbound message waiting for a sender (see docs/orders.md#order-confirmation): one item per order
 * and kind, so the key itself makes "one confirmation e-mail per order" a conditional Put.
 */
export const notificationKeys = {
  email: (orderId: string, template: string) => ({ pk: `NOTIFICATION#${orderId}`, sk: `EMAIL#${template}` }),
};
// --- end notifications -------------------------------------------------------------------------

/** The `entity` attribute of each item type. */
export const Entity = {
  product: 'PRODUCT',
  variant: 'VARIANT',
  productListing: 'PRODUCT_LISTING',
  uniqueValue: 'UNIQUE_VALUE',
  audit: 'AUDIT',
  category: 'CATEGORY',
  outbox: 'OUTBOX',
  processedEvent: 'PROCESSED_EVENT',
  taskToken: 'TASK_TOKEN',
  customer: 'CUSTOMER',
  customerAddress: 'CUSTOMER_ADDRESS',
  stockSettings: 'STOCK_SETTINGS',
  stockLevel: 'STOCK_LEVEL',
  stockLedger: 'STOCK_LEDGER',
  stockLocation: 'STOCK_LOCATION',
  stockAlerts: 'STOCK_ALERTS',
  reservation: 'RESERVATION',
  promotion: 'PROMOTION',
  promotionUsage: 'PROMOTION_USAGE',
  promotionCustomerUsage: 'PROMOTION_CUSTOMER_USAGE',
  promotionExhausted: 'PROMOTION_EXHAUSTED',
  promotionCode: 'PROMOTION_CODE',
  shippingOption: 'SHIPPING_OPTION',
  taxSettings: 'TAX_SETTINGS',
  cart: 'CART',
  order: 'ORDER',
  paymentResult: 'PAYMENT_RESULT',
  notification: 'NOTIFICATION',
} as const;
