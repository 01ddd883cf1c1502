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
      // The cursor key signs `/me/orders` pages; a cancel request moves the order and starts the workflow.
      uses: { table: 'readWrite', secrets: ['cursorKey'], stateMachines: ['orderCancellation'] },
      environment: { ORDER_CANCEL_WINDOW_MINUTES: '60' },
      operations: orderStoreOperations,
    },
    ordersAdmin: {
      entry: 'contexts/orders/lambda/admin.ts',
      description: 'Admin: orders filtered by status, date range and customer, and any one order',
      // The unfiltered list merges 96 index Queries in parallel (6 listed statuses × 16 buckets).
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite', secrets: ['cursorKey'], stateMachines: ['orderCancellation'] },
      operations: orderAdminOperations,
    },
    orderCancellationSteps: {
      // Not routed: the `orderCancellation` workflow's steps (refund, finish, failed).
      entry: 'contexts/orders/lambda/cancellation.ts',
      description:
        'Order cancellation steps: refund what is left; stock, promotion use and status back; report a failure',
      memoryMb: 512,
      timeoutSeconds: 30,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
    },
  },
  stateMachines: {
    orderCancellation: {
      description:
        'Cancels a paid order: refund, then stock and promotion use back and the order canceled, once',
      definitionFile: 'contexts/orders/workflow/order-cancellation.asl.json',
      type: 'STANDARD',
      substitutions: { CancellationFunctionArn: { function: 'orderCancellationSteps' } },
    },
  },
} satisfies ContextDef;
