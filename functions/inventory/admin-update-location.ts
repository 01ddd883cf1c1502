import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { locationPath } from '#shared/inventory/http.ts';
import { updateLocationInput } from '#shared/inventory/schemas.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** PATCH /admin/stock-locations/{locationId}: rename, reprioritise, change regions, (de)activate. */
export const handler = httpHandler(
  { path: locationPath, bodyLimitBytes: 4 * 1024 },
  async ({ path, event }) =>
    json(200, await locations.update(path.locationId, jsonBody(event, updateLocationInput)), {
      'cache-control': 'no-store',
    }),
);
