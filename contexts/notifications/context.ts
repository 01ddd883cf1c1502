import type { ContextDef } from '#platform/definition/types.ts';
import { notificationKeyPrefixes } from './data/keys.ts';
import { notificationAdminOperations } from './operations/notifications.ts';

/**
 * Outbound e-mails to shoppers, each sent once: order confirmation, shipment, refund, cancellation,
 * return received (docs/notifications.md).
 */
export const notificationsContext = {
  name: 'notifications',
  description:
    'Outbound e-mails to shoppers, each sent once: order confirmation, shipment, refund, cancellation, return received (docs/notifications.md).',
  keyPrefixes: notificationKeyPrefixes,
  tags: [{ name: 'notifications', description: 'E-mails sent to shoppers: what was sent, and resends' }],
  functions: {
    notificationsConsumer: {
      // Not routed: the `notifications` queue's consumer.
      entry: 'contexts/notifications/lambda/consumer.ts',
      description:
        'Sends the confirmation, shipment, refund, cancellation and return e-mails (SES), each once, recorded on its notification item',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite', mail: true },
    },
    notificationsAdmin: {
      entry: 'contexts/notifications/lambda/admin.ts',
      description: 'Admin: an order’s e-mails and their resends (SES), once per Idempotency-Key',
      memoryMb: 256,
      // Two reads, one write, SES's answer (the SDK retries throttling), one transaction, one read.
      timeoutSeconds: 15,
      uses: { table: 'readWrite', mail: true },
      operations: notificationAdminOperations,
    },
  },
  // Every rule targets the one `notifications` queue: one consumer, one dead-letter queue and alarm; the
  // consumer tells the e-mail from the detail-type. One rule per emitting context, its pattern listing
  // the detail-types that have an e-mail: a new e-mail of a context widens its rule (no new resources).
  rules: {
    orderEventsToEmail: {
      description:
        'A placed (paid) order gets its confirmation e-mail, a canceled one its cancellation e-mail',
      pattern: { source: ['commerce.orders'], 'detail-type': ['OrderPlaced', 'OrderCanceled'] },
      queue: 'notifications',
    },
    fulfillmentEventsToEmail: {
      description:
        'A shipped fulfillment gets its "on its way" e-mail (carrier, tracking), a received return its "we received it" e-mail',
      pattern: { source: ['commerce.fulfillment'], 'detail-type': ['ShipmentCreated', 'ReturnReceived'] },
      queue: 'notifications',
    },
    refundIssuedToEmail: {
      description: 'An issued refund gets its "we refunded" e-mail sent',
      pattern: { source: ['commerce.payments'], 'detail-type': ['RefundIssued'] },
      queue: 'notifications',
    },
  },
  queues: {
    notifications: {
      description:
        'OrderPlaced, OrderCanceled, ShipmentCreated, ReturnReceived and RefundIssued events whose e-mail is to be sent',
      consumer: 'notificationsConsumer',
      batchSize: 10,
      // Above the consumer's 20 s timeout, so a message is never redelivered while still being handled.
      visibilityTimeoutSeconds: 30,
      // A few tries absorb throttling; an order that is missing, has no e-mail or whose mail SES keeps
      // refusing then waits in the DLQ (its alarm fires).
      maxReceiveCount: 3,
    },
  },
} satisfies ContextDef;
