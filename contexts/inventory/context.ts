import type { ContextDef } from '#platform/definition/types.ts';
import { inventoryKeyPrefixes } from './data/keys.ts';
import { inventoryEvents } from './events.ts';
import { inventoryOperations } from './operations/contract.ts';

/** Stock per location with hot-SKU shards, all-or-nothing reservations, the expiry sweep and stock alerts (docs/inventory.md). */
export const inventoryContext = {
  name: 'inventory',
  description:
    'Stock per location with hot-SKU shards, all-or-nothing reservations, the expiry sweep and stock alerts (docs/inventory.md).',
  keyPrefixes: inventoryKeyPrefixes,
  events: inventoryEvents,
  contract: [...inventoryOperations],
  functions: {
    adminGetStock: {
      entry: 'contexts/inventory/lambda/admin-get-stock.ts',
      description: 'Admin: a variant’s stock per location, threshold and shard count',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminPutStock: {
      entry: 'contexts/inventory/lambda/admin-put-stock.ts',
      description: 'Admin: set on-hand per location, low-stock threshold and stock shards',
      memoryMb: 512,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    adminAdjustStock: {
      entry: 'contexts/inventory/lambda/admin-adjust-stock.ts',
      description: 'Admin: a stock adjustment (receipt, correction, shrinkage, return)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListStockLocations: {
      entry: 'contexts/inventory/lambda/admin-list-locations.ts',
      description: 'Admin: every stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminCreateStockLocation: {
      entry: 'contexts/inventory/lambda/admin-create-location.ts',
      description: 'Admin: create a stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetStockLocation: {
      entry: 'contexts/inventory/lambda/admin-get-location.ts',
      description: 'Admin: one stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminUpdateStockLocation: {
      entry: 'contexts/inventory/lambda/admin-update-location.ts',
      description: 'Admin: change or (de)activate a stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListReservations: {
      entry: 'contexts/inventory/lambda/admin-list-reservations.ts',
      description: 'Support: reservations of an order or cart, or held ones expiring soonest',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    expireReservations: {
      // Not routed: the expiry sweep, run by the `inventoryExpiry` schedule.
      entry: 'contexts/inventory/lambda/expire-reservations.ts',
      description: 'Releases held stock reservations past their expiry (ReservationExpired)',
      memoryMb: 512,
      timeoutSeconds: 60,
      uses: { table: 'readWrite' },
    },
    stockAlerts: {
      // Not routed: the `stockAlerts` pipe's target.
      entry: 'contexts/inventory/lambda/stock-alerts.ts',
      description: 'Pipe target: emits LowStock/OutOfStock once per crossing of a variant total',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
  },
  routes: [
    { method: 'GET', path: '/admin/inventory/{variantId}', function: 'adminGetStock', access: 'admin' },
    { method: 'PUT', path: '/admin/inventory/{variantId}', function: 'adminPutStock', access: 'admin' },
    {
      method: 'POST',
      path: '/admin/inventory/{variantId}/adjustments',
      function: 'adminAdjustStock',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/stock-locations', function: 'adminListStockLocations', access: 'admin' },
    { method: 'POST', path: '/admin/stock-locations', function: 'adminCreateStockLocation', access: 'admin' },
    {
      method: 'GET',
      path: '/admin/stock-locations/{locationId}',
      function: 'adminGetStockLocation',
      access: 'admin',
    },
    {
      method: 'PATCH',
      path: '/admin/stock-locations/{locationId}',
      function: 'adminUpdateStockLocation',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/reservations', function: 'adminListReservations', access: 'admin' },
  ],
  schedules: {
    inventoryExpiry: {
      description: 'Releases held stock reservations past their hold time (ReservationExpired)',
      rate: 'rate(1 minute)',
      function: 'expireReservations',
    },
  },
  pipes: {
    stockAlerts: {
      description: 'Written stock levels and settings: LowStock/OutOfStock from the variant total',
      filter: {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entity: { S: ['STOCK_LEVEL', 'STOCK_SETTINGS'] } } },
      },
      target: 'stockAlerts',
      batchSize: 100,
    },
  },
} satisfies ContextDef;
