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

/** An outbox record: written in the transaction of the change it reports, relayed from the stream. */
export const outboxKeys = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });

/** A consumer's record that it has handled an event: makes every consumer idempotent by event id. */
export const processedEventKeys = (consumer: string, eventId: string) => ({
  pk: `EVENT#${eventId}`,
  sk: `CONSUMER#${consumer}`,
});

/** A Step Functions task token waiting for a decision, by execution name. */
export const taskTokenKeys = (executionName: string) => ({ pk: `TASK#${executionName}`, sk: 'TOKEN' });

/** The `entity` attribute of each item type. */
export const Entity = {
  product: 'PRODUCT',
  variant: 'VARIANT',
  outbox: 'OUTBOX',
  processedEvent: 'PROCESSED_EVENT',
  taskToken: 'TASK_TOKEN',
} as const;
