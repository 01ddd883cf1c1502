import type { ContextDef } from '#platform/definition/types.ts';
import { webhookKeyPrefixes } from './data/keys.ts';
import { webhookEvents } from './events.ts';
import { webhookAdminOperations } from './operations/admin.ts';

/**
 * What every webhooks function states about its cloud. AWS: https to public addresses only, the real
 * retry schedule; the local cloud changes these values (local/webhooks.ts), never the code.
 */
const cloudFacts = { WEBHOOK_ALLOW_LOOPBACK: 'false', WEBHOOK_BACKOFF_SCALE: '1' } as const;

/**
 * Outbound webhooks: back-office systems subscribe URLs to domain events and get each one POSTed, signed
 * per Standard Webhooks, retried with backoff for about a day, logged and redeliverable (docs/webhooks.md).
 */
export const webhooksContext = {
  name: 'webhooks',
  description:
    'Outbound webhooks: back-office systems subscribe URLs to domain events, each POSTed signed (Standard Webhooks), retried for a day, logged and redeliverable (docs/webhooks.md).',
  keyPrefixes: webhookKeyPrefixes,
  events: webhookEvents,
  tags: [
    {
      name: 'webhooks',
      description: 'Subscriptions of outside systems to domain events, their delivery log and redeliveries',
    },
  ],
  functions: {
    webhooksAdmin: {
      entry: 'contexts/webhooks/lambda/admin.ts',
      description:
        'Admin: webhook subscriptions, their delivery log, redeliveries and test pings; queues retries the queue cannot delay',
      memoryMb: 256,
      // A DNS lookup of the target (a few seconds at worst) and a few single-item writes.
      timeoutSeconds: 15,
      uses: { table: 'readWrite', secrets: ['cursorKey'], queues: ['webhooks'] },
      environment: cloudFacts,
      operations: webhookAdminOperations,
    },
    webhooksWorker: {
      // Not routed: the consumer of the `webhooks` queue.
      entry: 'contexts/webhooks/lambda/worker.ts',
      description:
        'Webhooks: records one delivery per subscription and event, and makes each signed attempt (10 s each, side by side)',
      memoryMb: 256,
      // A batch's attempts run side by side, each at most 10 s, plus a few writes around them.
      timeoutSeconds: 30,
      uses: { table: 'readWrite', queues: ['webhooks'] },
      environment: { ...cloudFacts, WEBHOOK_CACHE_SECONDS: '30' },
    },
  },
  rules: {
    eventsToWebhooks: {
      description: 'Every domain event, for the webhook subscriptions whose patterns take its detail-type',
      pattern: { source: [{ prefix: 'commerce.' }] },
      queue: 'webhooks',
    },
  },
  queues: {
    // One queue for both kinds of message (a domain event to fan out, one attempt at one delivery): one
    // consumer, one dead-letter queue and alarm; the worker tells them apart by their shape.
    webhooks: {
      description:
        'Every domain event, to become one delivery per matching subscription; and one message per attempt at a delivery (retries delayed by their backoff)',
      consumer: 'webhooksWorker',
      batchSize: 10,
      // Above the worker's 30 s timeout, so a message is never redelivered while still being handled.
      visibilityTimeoutSeconds: 60,
      // A receiver's failure is recorded, not thrown: only our own faults (the table, the queue) fail a
      // message, and a few tries absorb throttling (the sweep also queues a delivery whose job was lost).
      maxReceiveCount: 5,
    },
  },
  schedules: {
    // A rule serves only the functions of its own nested stack, so this one has a one-minute rule (with its
    // dead-letter queue and alarm) in Webhooks, not a target on another stack's (infra/schedules.ts).
    webhookRetries: {
      description: 'Queues webhook deliveries whose next attempt is due (backoffs beyond SQS’s 15 minutes)',
      rate: 'rate(1 minute)',
      function: 'webhooksAdmin',
    },
  },
} satisfies ContextDef;
