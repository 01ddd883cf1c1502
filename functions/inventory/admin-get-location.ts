import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { locationPath } from '#shared/inventory/http.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/stock-locations/{locationId}. */
export const handler = httpHandler({ path: locationPath }, async ({ path }) =>
  json(200, await locations.get(path.locationId), { 'cache-control': 'no-store' }),
);
