import type { ContextDef } from '#platform/definition/types.ts';
import { orderKeyPrefixes } from './data/keys.ts';
import { orderEvents } from './events.ts';
import { orderAdminOperations } from './operations/admin.ts';
import { orderStoreOperations } from './operations/store.ts';

/** Orders: immutable snapshots with status history, read by their owner and the back office (docs/orders.md). */
export const ordersContext = {
  name: 'orders',
  description:
    'Orders: immutable snapshots with status history, read by their owner and the back office (docs/orders.md).',
  keyPrefixes: orderKeyPrefixes,
  events: orderEvents,
  tags: [
    { name: 'orders', description: 'Orders: immutable snapshots of what was paid for, with status history' },
  ],
  functions: {
    ordersStore: {
      entry: 'contexts/orders/lambda/store.ts',
      description:
        'Store: one order for its owner (customer token, or a guest’s X-Order-Token) and a customer’s own orders',
      memoryMb: 256,
      timeoutSeconds: 10,
      // Read-only: orders change only through the checkout saga. The cursor key signs `/me/orders` pages.
      uses: { table: 'read', secrets: ['cursorKey'] },
      operations: orderStoreOperations,
    },
    ordersAdmin: {
      entry: 'contexts/orders/lambda/admin.ts',
      description: 'Admin: orders filtered by status, date range and customer, and any one order',
      // The unfiltered list merges 80 index Queries in parallel (5 listed statuses × 16 buckets).
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
      operations: orderAdminOperations,
    },
  },
} satisfies ContextDef;
