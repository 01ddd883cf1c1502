import { actorOf } from '#shared/catalog/admin-request.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { variantPath } from '#shared/inventory/http.ts';
import { adjustmentInput } from '#shared/inventory/schemas.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { admin } = inventoryServices(requireEnv('TABLE_NAME'));

/** POST /admin/inventory/{variantId}/adjustments: a receipt, correction, shrinkage or return. */
export const handler = httpHandler(
  { path: variantPath, bodyLimitBytes: 4 * 1024 },
  async ({ path, event }) => {
    const input = jsonBody(event, adjustmentInput);
    const stock = await admin.adjust(path.variantId, input, actorOf(event).sub);
    return json(201, stock, { 'cache-control': 'no-store' });
  },
);
