import type { ContextDef } from '#platform/definition/types.ts';
import { systemKeyPrefixes } from './data/keys.ts';
import { healthSchema } from './domain/schemas.ts';
import { referenceOperations } from './operations/reference.ts';
import { systemOperations } from './operations/system.ts';

/** The API’s own endpoints (health, the contract and its reference page, unmatched routes) and the plumbing every context shares: the outbox relay and task-token approvals. */
export const systemContext = {
  name: 'system',
  description:
    'The API’s own endpoints (health, the contract and its reference page, unmatched routes) and the plumbing every context shares: the outbox relay and task-token approvals.',
  keyPrefixes: systemKeyPrefixes,
  tags: [{ name: 'platform', description: 'Health, this contract and its reference page' }],
  components: { Health: healthSchema },
  functions: {
    system: {
      entry: 'contexts/system/lambda/system.ts',
      description: 'Liveness and table reachability; every unmatched route answered with a 404 problem',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'read' },
      operations: systemOperations,
    },
    apiReference: {
      entry: 'contexts/system/lambda/reference.ts',
      description:
        'The OpenAPI document (the committed file) and its reference page (Swagger UI, served from the bundle: no CDN)',
      // Holds Swagger UI gzipped (~0.65 MB of base64) and the document; decodes an asset on first use.
      memoryMb: 256,
      timeoutSeconds: 10,
      operations: referenceOperations,
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
      // Outbox items, and items a transaction inserted that carry its events (`CARRIED_EVENTS`).
      filter: {
        eventName: ['INSERT'],
        dynamodb: {
          NewImage: {
            $or: [{ entity: { S: ['OUTBOX'] } }, { outboxEvents: { B: [{ exists: true }] } }],
          },
        },
      },
      target: 'outboxRelay',
      batchSize: 10,
    },
  },
} satisfies ContextDef;
