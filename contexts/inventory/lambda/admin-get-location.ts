import { locationPath } from '#contexts/inventory/operations/params.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/stock-locations/{locationId}. */
export const handler = httpHandler({ path: locationPath }, async ({ path }) =>
  json(200, await locations.get(path.locationId), { 'cache-control': 'no-store' }),
);
