import type { ContextDef } from '#platform/definition/types.ts';
import { orderKeyPrefixes } from './data/keys.ts';
import { orderEvents } from './events.ts';
import { orderOperations } from './operations/contract.ts';

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
  contract: [...orderOperations],
  functions: {
    getOrder: {
      entry: 'contexts/orders/lambda/get-order.ts',
      description: 'Store: one order for its owner (customer token, or a guest’s X-Order-Token)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    listMyOrders: {
      entry: 'contexts/orders/lambda/list-my-orders.ts',
      description: 'Customer: one page of own orders, newest first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminListOrders: {
      entry: 'contexts/orders/lambda/admin-list-orders.ts',
      description: 'Admin: one page of orders by status, date range and customer, newest first',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminGetOrder: {
      entry: 'contexts/orders/lambda/admin-get-order.ts',
      description: 'Admin: one order with its status history',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
  },
  routes: [
    { method: 'GET', path: '/orders/{orderId}', function: 'getOrder', access: 'optional' },
    { method: 'GET', path: '/me/orders', function: 'listMyOrders', access: 'customer' },
    { method: 'GET', path: '/admin/orders', function: 'adminListOrders', access: 'admin' },
    { method: 'GET', path: '/admin/orders/{orderId}', function: 'adminGetOrder', access: 'admin' },
  ],
} satisfies ContextDef;
