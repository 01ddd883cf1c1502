import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { variantPath, variantStock } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore, noStoreNote } from './responses.ts';

/** GET /admin/inventory/{variantId}: levels per location (shards summed), threshold and shard count. */
export const getStock = inventoryAdminOperation({
  route: 'GET /admin/inventory/{variantId}',
  access: 'admin',
  operationId: 'adminGetStock',
  summary: 'A variant’s stock per location',
  description: `On-hand, reserved and available per location (a hot variant's shards summed). ${noStoreNote}.`,
  tags: ['admin'],
  request: { path: variantPath },
  responses: { 200: { description: 'The stock', schema: variantStock } },
  problems: { 404: ['variant_not_stocked'] },
  handle: async ({ path }, { stock }) => {
    const found = await stock.variantStock(path.variantId);
    if (!found) throw new NotFoundError(`No stock is tracked for ${path.variantId}`, 'variant_not_stocked');
    return json(200, found, noStore);
  },
});
