import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { putStockInput } from '#contexts/inventory/domain/schemas.ts';
import { variantPath } from '#contexts/inventory/operations/params.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { admin } = inventoryServices(requireEnv('TABLE_NAME'));

/** PUT /admin/inventory/{variantId}: absolute on-hand per location, threshold, shards (hot variant). */
export const handler = httpHandler(
  { path: variantPath, bodyLimitBytes: 16 * 1024 },
  async ({ path, event }) => {
    const input = jsonBody(event, putStockInput);
    const stock = await admin.put(path.variantId, input, actorOf(event).sub);
    return json(200, stock, { 'cache-control': 'no-store' });
  },
);
