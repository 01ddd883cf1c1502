import type { AppDefinition } from './types.ts';

/**
 * The application definition. Adding an endpoint is one entry in `functions`, one in `routes`, and the
 * handler file; both clouds pick it up from here.
 */
export const app = {
  name: 'commerce',

  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    gsis: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },

  functions: {
    health: {
      entry: 'functions/platform/health.ts',
      description: 'Liveness and table reachability',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'read' },
    },
    listProducts: {
      entry: 'functions/catalog/list-products.ts',
      description: 'Store: one page of active products',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    getProduct: {
      entry: 'functions/catalog/get-product.ts',
      description: 'Store: one active product with its variants and prices',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminGetProduct: {
      entry: 'functions/catalog/admin-get-product.ts',
      description: 'Admin: one product in any status',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    getMe: {
      entry: 'functions/customers/get-me.ts',
      description: 'Customer: who the caller is',
      memoryMb: 256,
      timeoutSeconds: 5,
    },
    notFound: {
      entry: 'functions/platform/not-found.ts',
      description: 'Answers every unmatched route with a 404 problem',
      memoryMb: 256,
      timeoutSeconds: 5,
    },
    outboxRelay: {
      entry: 'functions/platform/outbox-relay.ts',
      description: 'Pipe target: puts outbox records from the table stream on the event bus',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { bus: true },
    },
    catalogEventsConsumer: {
      entry: 'functions/catalog/catalog-events-consumer.ts',
      description: 'Consumes catalog events idempotently (records each event id once)',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite' },
    },
    recordTaskToken: {
      entry: 'functions/platform/record-task-token.ts',
      description: 'Stores a Step Functions task token so a later call can resume the execution',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
  },

  routes: [
    { method: 'GET', path: '/health', function: 'health', access: 'public' },
    { method: 'GET', path: '/products', function: 'listProducts', access: 'public' },
    { method: 'GET', path: '/products/{productId}', function: 'getProduct', access: 'public' },
    { method: 'GET', path: '/me', function: 'getMe', access: 'customer' },
    { method: 'GET', path: '/admin/products/{productId}', function: 'adminGetProduct', access: 'admin' },
    // Catch-all: unknown routes get a problem+json 404 from a function, not API Gateway's bare body.
    { method: 'ANY', path: '$default', function: 'notFound', access: 'public' },
  ],

  rules: {
    catalogEventsToQueue: {
      description: 'Every catalog event goes to the catalog events queue',
      pattern: { source: ['commerce.catalog'] },
      queue: 'catalogEvents',
    },
  },

  queues: {
    catalogEvents: {
      description: 'Catalog events for back-office consumers',
      consumer: 'catalogEventsConsumer',
      batchSize: 10,
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
    },
  },

  stateMachines: {
    approval: {
      description: 'Waits for a decision through a task token (the path the checkout saga uses)',
      definitionFile: 'infra/state-machines/approval.asl.json',
      type: 'STANDARD',
      substitutions: {
        RecordTaskTokenFunctionArn: { function: 'recordTaskToken' },
        DecisionTimeoutSeconds: { literal: '300' },
      },
    },
  },

  pipes: {
    outbox: {
      description: 'Outbox records written with each state change reach the bus from the stream',
      filter: { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } },
      target: 'outboxRelay',
      batchSize: 10,
    },
  },
} as const satisfies AppDefinition;

export type App = typeof app;
export type FunctionName = keyof App['functions'];
