/** Every key of the pricing items (promotions, shipping options, tax settings) is composed here. */

/** Partition-key prefixes of the pricing items (table and index partitions). */
export const pricingKeyPrefixes = [
  'PROMOTION#',
  'PROMOCODE#',
  'PROMOTIONS',
  'SHIPPING#',
  'SHIPPING_OPTIONS',
  'SETTINGS',
  'PRICE_LIST#',
  'PRICE_LISTS',
  'VARIANT_PRICES#',
] as const;

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

/**
 * A price list and, in its partition, one row item per price (`PRICE#<variantId>#<currency>`: the
 * admin's list of its prices, and what deleting it cleans up). gsi1 `PRICE_LISTS` lists them all for
 * the admin, newest first; gsi2 `PRICE_LISTS#active` holds only the active ones, which every cart
 * reads in one Query (a store has tens, not thousands).
 */
export const priceListKeys = {
  priceList: (priceListId: string) => ({ pk: `PRICE_LIST#${priceListId}`, sk: 'PRICE_LIST' }),
  row: (priceListId: string, variantId: string, currency: string) => ({
    pk: `PRICE_LIST#${priceListId}`,
    sk: `PRICE#${variantId}#${currency}`,
  }),
  partition: (priceListId: string) => `PRICE_LIST#${priceListId}`,
  rowPrefix: 'PRICE#',
  list: (createdAt: string, priceListId: string) => ({
    gsi1pk: 'PRICE_LISTS',
    gsi1sk: `${createdAt}#${priceListId}`,
  }),
  listPartition: 'PRICE_LISTS',
  active: (priceListId: string) => ({ gsi2pk: 'PRICE_LISTS#active', gsi2sk: priceListId }),
  activePartition: 'PRICE_LISTS#active',
};

/**
 * One item per variant holding its price in every price list (`offer#<listId>#<currency>` attributes),
 * so a cart reads a line's list prices by key in the BatchGetItem it already makes for the line: no
 * per-line Query. Written beside the list's row item in the same transaction.
 */
export const variantPriceKeys = {
  offers: (variantId: string) => ({ pk: `VARIANT_PRICES#${variantId}`, sk: 'PRICE_LISTS' }),
  attribute: (priceListId: string, currency: string) => `offer#${priceListId}#${currency}`,
  attributePrefix: 'offer#',
};

/** Store-wide settings, one item each. */
export const settingsKeys = {
  tax: { pk: 'SETTINGS', sk: 'TAX' },
};

/** The `entity` attribute of the pricing items. */
export const Entity = {
  promotion: 'PROMOTION',
  promotionUsage: 'PROMOTION_USAGE',
  promotionCustomerUsage: 'PROMOTION_CUSTOMER_USAGE',
  promotionExhausted: 'PROMOTION_EXHAUSTED',
  promotionCode: 'PROMOTION_CODE',
  shippingOption: 'SHIPPING_OPTION',
  taxSettings: 'TAX_SETTINGS',
  priceList: 'PRICE_LIST',
  priceListPrice: 'PRICE_LIST_PRICE',
  variantPrices: 'VARIANT_PRICES',
} as const;
