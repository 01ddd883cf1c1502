import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { variantPath } from '#shared/inventory/http.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { stock } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/inventory/{variantId}: levels per location (shards summed), threshold and shard count. */
export const handler = httpHandler({ path: variantPath }, async ({ path }) => {
  const found = await stock.variantStock(path.variantId);
  if (!found) throw new NotFoundError(`No stock is tracked for ${path.variantId}`, 'variant_not_stocked');
  return json(200, found, { 'cache-control': 'no-store' });
});
