import type { ContextDef } from '#platform/definition/types.ts';
import { fulfillmentKeyPrefixes } from './data/keys.ts';
import { fulfillmentEvents } from './events.ts';
import { fulfillmentOperations } from './operations/fulfillments.ts';
import { returnStoreOperations } from './operations/returns.ts';

/** Fulfillment: which units of a paid order leave from which location, their shipments and deliveries (docs/fulfillment.md). */
export const fulfillmentContext = {
  name: 'fulfillment',
  description:
    'Fulfillment: which units of a paid order leave from which location, their shipments and deliveries (docs/fulfillment.md).',
  keyPrefixes: fulfillmentKeyPrefixes,
  events: fulfillmentEvents,
  functions: {
    fulfillmentAdmin: {
      entry: 'contexts/fulfillment/lambda/admin.ts',
      description:
        'Admin: fulfil an order’s units from a location, ship with tracking, deliver, cancel, list',
      memoryMb: 256,
      timeoutSeconds: 10,
      // Receiving a return refunds it through Stripe.
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
      environment: { RETURN_WINDOW_DAYS: '30' },
      operations: fulfillmentOperations,
    },
    fulfillmentStore: {
      entry: 'contexts/fulfillment/lambda/store.ts',
      description: 'Store: a shopper returns shipped units of their own order',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
      environment: { RETURN_WINDOW_DAYS: '30' },
      operations: returnStoreOperations,
    },
  },
} satisfies ContextDef;
