import type { ContextDef } from '#platform/definition/types.ts';
import { notificationKeyPrefixes } from './data/keys.ts';

/** Outbound messages: the order confirmation e-mail, sent once per order (docs/orders.md#order-confirmation). */
export const notificationsContext = {
  name: 'notifications',
  description:
    'Outbound messages: the order confirmation e-mail, sent once per order (docs/orders.md#order-confirmation).',
  keyPrefixes: notificationKeyPrefixes,
  functions: {
    orderConfirmationConsumer: {
      // Not routed: the `orderConfirmations` queue's consumer.
      entry: 'contexts/notifications/lambda/order-confirmation.ts',
      description:
        'Sends the order confirmation e-mail (SES) once per order, recorded on its notification item',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite', mail: true },
    },
  },
  rules: {
    orderPlacedToConfirmation: {
      description: 'A placed (paid) order gets its confirmation e-mail sent',
      pattern: { source: ['commerce.orders'], 'detail-type': ['OrderPlaced'] },
      queue: 'orderConfirmations',
    },
  },
  queues: {
    orderConfirmations: {
      description: 'OrderPlaced events whose confirmation e-mail is to be sent',
      consumer: 'orderConfirmationConsumer',
      batchSize: 10,
      // Above the consumer's 20 s timeout, so a message is never redelivered while still being handled.
      visibilityTimeoutSeconds: 30,
      // A few tries absorb throttling; an order that is missing, has no e-mail or whose mail SES keeps
      // refusing then waits in the DLQ (its alarm fires).
      maxReceiveCount: 3,
    },
  },
} satisfies ContextDef;
