import { json } from '#platform/http/response.ts';
import { adjustmentInput, variantPath, variantStock } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/inventory/{variantId}/adjustments: a receipt, correction, shrinkage or return. */
export const adjustStock = inventoryAdminOperation({
  route: 'POST /admin/inventory/{variantId}/adjustments',
  access: 'admin',
  operationId: 'adminAdjustStock',
  summary: 'Record a receipt, correction, shrinkage or return',
  tags: ['admin'],
  request: { path: variantPath, body: adjustmentInput, bodyLimitBytes: 4 * 1024 },
  responses: { 201: { description: 'The stock after the adjustment', schema: variantStock } },
  problems: {
    404: ['location_not_found'],
    409: ['stock_changed'],
    422: ['negative_on_hand', 'insufficient_available'],
  },
  // The ledger records which admin made the change.
  handle: async ({ path, body, caller }, { admin }) =>
    json(201, await admin.adjust(path.variantId, body, caller.sub), noStore),
});
