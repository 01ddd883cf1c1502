import { updateLocationInput } from '#contexts/inventory/domain/schemas.ts';
import { locationPath } from '#contexts/inventory/operations/params.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** PATCH /admin/stock-locations/{locationId}: rename, reprioritise, change regions, (de)activate. */
export const handler = httpHandler(
  { path: locationPath, bodyLimitBytes: 4 * 1024 },
  async ({ path, event }) =>
    json(200, await locations.update(path.locationId, jsonBody(event, updateLocationInput)), {
      'cache-control': 'no-store',
    }),
);
