import { variantPath } from '#contexts/inventory/operations/params.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { stock } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/inventory/{variantId}: levels per location (shards summed), threshold and shard count. */
export const handler = httpHandler({ path: variantPath }, async ({ path }) => {
  const found = await stock.variantStock(path.variantId);
  if (!found) throw new NotFoundError(`No stock is tracked for ${path.variantId}`, 'variant_not_stocked');
  return json(200, found, { 'cache-control': 'no-store' });
});
