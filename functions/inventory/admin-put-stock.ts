import { actorOf } from '#shared/catalog/admin-request.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { variantPath } from '#shared/inventory/http.ts';
import { putStockInput } from '#shared/inventory/schemas.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

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
