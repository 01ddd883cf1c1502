import { json } from '#platform/http/response.ts';
import { putStockInput, variantPath, variantStock } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PUT /admin/inventory/{variantId}: absolute on-hand per location, threshold, shards (hot variant). */
export const putStock = inventoryAdminOperation({
  route: 'PUT /admin/inventory/{variantId}',
  access: 'admin',
  operationId: 'adminPutStock',
  summary: 'Set on-hand per location, the low-stock threshold and the shard count',
  description:
    'Each level is an absolute count, recorded in the ledger as a correction. `shards` > 1 marks the ' +
    'variant hot: its stock is spread over that many items so one SKU is not capped by one partition.',
  tags: ['admin'],
  request: { path: variantPath, body: putStockInput, bodyLimitBytes: 16 * 1024 },
  responses: { 200: { description: 'The stock after the change', schema: variantStock } },
  problems: {
    404: ['location_not_found'],
    409: ['version_conflict', 'stock_changed', 'shards_busy'],
    422: ['below_reserved'],
  },
  // The ledger records which admin made the change.
  handle: async ({ path, body, caller }, { admin }) =>
    json(200, await admin.put(path.variantId, body, caller.sub), noStore),
});
