import type { ContextDef } from '#platform/definition/types.ts';
import { notificationKeyPrefixes } from './data/keys.ts';

/** Outbound messages: the order confirmation e-mail, queued once per order (docs/orders.md#order-confirmation). */
export const notificationsContext = {
  name: 'notifications',
  description:
    'Outbound messages: the order confirmation e-mail, queued once per order (docs/orders.md#order-confirmation).',
  keyPrefixes: notificationKeyPrefixes,
  functions: {
    orderConfirmationConsumer: {
      // Not routed: the `orderConfirmations` queue's consumer.
      entry: 'contexts/notifications/lambda/order-confirmation.ts',
      description: 'Queues the order confirmation e-mail once per OrderPlaced event (notification item)',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite' },
    },
  },
  rules: {
    orderPlacedToConfirmation: {
      description: 'A placed (paid) order gets its confirmation e-mail queued',
      pattern: { source: ['commerce.orders'], 'detail-type': ['OrderPlaced'] },
      queue: 'orderConfirmations',
    },
  },
  queues: {
    orderConfirmations: {
      description: 'OrderPlaced events whose confirmation e-mail is to be queued',
      consumer: 'orderConfirmationConsumer',
      batchSize: 10,
      // Above the consumer's 20 s timeout, so a message is never redelivered while still being handled.
      visibilityTimeoutSeconds: 30,
      // A few tries absorb throttling; an order that is missing or has no e-mail then waits in the DLQ.
      maxReceiveCount: 3,
    },
  },
} satisfies ContextDef;
