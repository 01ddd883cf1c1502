import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { adjustmentInput } from '#contexts/inventory/domain/schemas.ts';
import { variantPath } from '#contexts/inventory/operations/params.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

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
