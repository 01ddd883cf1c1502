import type { ContextDef } from '#platform/definition/types.ts';
import { platformOperations } from './operations/contract.ts';
import { healthSchema } from './operations/params.ts';

/** The API’s own endpoints (health, the contract and its reference page, unmatched routes) and the plumbing every context shares: the outbox relay and task-token approvals. */
export const systemContext = {
  name: 'system',
  description:
    'The API’s own endpoints (health, the contract and its reference page, unmatched routes) and the plumbing every context shares: the outbox relay and task-token approvals.',
  keyPrefixes: [],
  tags: [{ name: 'platform', description: 'Health, this contract and its reference page' }],
  components: { Health: healthSchema },
  contract: [...platformOperations],
  functions: {
    health: {
      entry: 'contexts/system/lambda/health.ts',
      description: 'Liveness and table reachability',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'read' },
    },
    openApi: {
      entry: 'contexts/system/lambda/openapi.ts',
      description: 'The OpenAPI 3.1 document, generated from the zod schemas',
      memoryMb: 256,
      timeoutSeconds: 10,
    },
    apiReference: {
      entry: 'contexts/system/lambda/docs.ts',
      description: 'The API reference page (Swagger UI, served from the bundle: no CDN)',
      memoryMb: 128,
      timeoutSeconds: 5,
    },
    apiReferenceAsset: {
      entry: 'contexts/system/lambda/docs-asset.ts',
      description: "The reference page's scripts and stylesheet (allow-listed, gzipped, ETag)",
      memoryMb: 256,
      timeoutSeconds: 10,
    },
    notFound: {
      entry: 'contexts/system/lambda/not-found.ts',
      description: 'Answers every unmatched route with a 404 problem',
      memoryMb: 256,
      timeoutSeconds: 5,
    },
    outboxRelay: {
      entry: 'contexts/system/lambda/outbox-relay.ts',
      description: 'Pipe target: puts outbox records from the table stream on the event bus',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { bus: true },
    },
    recordTaskToken: {
      entry: 'contexts/system/lambda/record-task-token.ts',
      description: 'Stores a Step Functions task token so a later call can resume the execution',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
  },
  routes: [
    { method: 'GET', path: '/health', function: 'health', access: 'public' },
    { method: 'GET', path: '/openapi.json', function: 'openApi', access: 'public' },
    { method: 'GET', path: '/docs', function: 'apiReference', access: 'public' },
    { method: 'GET', path: '/docs/{asset}', function: 'apiReferenceAsset', access: 'public' },
    // Catch-all: unknown routes get a problem+json 404 from a function, not API Gateway's bare body.
    { method: 'ANY', path: '$default', function: 'notFound', access: 'public' },
  ],
  stateMachines: {
    approval: {
      description: 'Waits for a decision through a task token (the path the checkout saga uses)',
      definitionFile: 'contexts/system/workflow/approval.asl.json',
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
} satisfies ContextDef;
