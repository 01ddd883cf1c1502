import type { ContextDef } from '#platform/definition/types.ts';
import { inventoryKeyPrefixes } from './data/keys.ts';
import { inventoryEvents } from './events.ts';
import { inventoryAdminOperations } from './operations/admin.ts';

/** Stock per location with hot-SKU shards, all-or-nothing reservations, the expiry sweep and stock alerts (docs/inventory.md). */
export const inventoryContext = {
  name: 'inventory',
  description:
    'Stock per location with hot-SKU shards, all-or-nothing reservations, the expiry sweep and stock alerts (docs/inventory.md).',
  keyPrefixes: inventoryKeyPrefixes,
  events: inventoryEvents,
  functions: {
    inventoryAdmin: {
      entry: 'contexts/inventory/lambda/admin.ts',
      description: 'Admin: stock per variant and location, stock locations, reservations for support',
      memoryMb: 512,
      // Setting stock rewrites every shard of each location it touches, retrying on conflicts: 30 s.
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
      operations: inventoryAdminOperations,
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
