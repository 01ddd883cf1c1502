import type { ContextDef } from '#platform/definition/types.ts';
import { catalogKeyPrefixes } from './data/keys.ts';
import { productPageSchema, productSchema, productSummarySchema, variantSchema } from './domain/schemas.ts';
import { catalogEvents } from './events.ts';
import { adminOperations } from './operations/admin.ts';
import { storeOperations } from './operations/store.ts';

/** Products, options, variants and prices, categories, the store listing projection, bulk import and the audit trail (docs/catalog.md). */
export const catalogContext = {
  name: 'catalog',
  description:
    'Products, options, variants and prices, categories, the store listing projection, bulk import and the audit trail (docs/catalog.md).',
  keyPrefixes: catalogKeyPrefixes,
  events: catalogEvents,
  tags: [{ name: 'catalog', description: 'Products, variants and prices' }],
  components: {
    Product: productSchema,
    ProductSummary: productSummarySchema,
    ProductPage: productPageSchema,
    Variant: variantSchema,
  },
  functions: {
    catalogStore: {
      entry: 'contexts/catalog/lambda/store.ts',
      description: 'Store: active products (pages, by id, by slug) and the category tree',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
      operations: storeOperations,
    },
    catalogAdmin: {
      entry: 'contexts/catalog/lambda/admin.ts',
      description: 'Admin: products, variants, sale prices, categories, bulk import and the audit trail',
      memoryMb: 1024,
      // The bulk import sets it: API Gateway's integration timeout is 30 s; an import of the
      // 500-product cap takes a few seconds.
      timeoutSeconds: 29,
      uses: { table: 'readWrite', secrets: ['cursorKey'] },
      operations: adminOperations,
    },
    catalogEventsConsumer: {
      entry: 'contexts/catalog/lambda/catalog-events-consumer.ts',
      description: 'Consumes catalog events idempotently (records each event id once)',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite' },
    },
    catalogListingProjector: {
      entry: 'contexts/catalog/lambda/listing-projector.ts',
      description: 'Rebuilds a product’s store listing entries after each product event',
      memoryMb: 512,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
  },
  rules: {
    catalogProductsToListing: {
      description: 'Product events (they carry a productId) rebuild the product’s store listing entries',
      pattern: {
        source: ['commerce.catalog'],
        'detail-type': [
          'ProductCreated',
          'ProductUpdated',
          'ProductArchived',
          'ProductDeleted',
          'PriceChanged',
        ],
        detail: { data: { productId: [{ exists: true }] } },
      },
      queue: 'catalogListing',
    },
    catalogEventsToQueue: {
      description: 'Every catalog event goes to the catalog events queue',
      pattern: { source: ['commerce.catalog'] },
      queue: 'catalogEvents',
    },
  },
  queues: {
    catalogListing: {
      description: 'Product events that change what the store lists (listing projection)',
      consumer: 'catalogListingProjector',
      batchSize: 10,
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 5,
    },
    catalogEvents: {
      description: 'Catalog events for back-office consumers',
      consumer: 'catalogEventsConsumer',
      batchSize: 10,
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
    },
  },
} satisfies ContextDef;
