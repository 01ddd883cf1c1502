import { createLocationInput } from '#contexts/inventory/domain/schemas.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** POST /admin/stock-locations: a new warehouse or store (the id is the caller's, so a retry is a 409). */
export const handler = httpHandler({ bodyLimitBytes: 4 * 1024 }, async ({ event }) => {
  const location = await locations.create(jsonBody(event, createLocationInput));
  return json(201, location, {
    location: `/admin/stock-locations/${location.id}`,
    'cache-control': 'no-store',
  });
});
