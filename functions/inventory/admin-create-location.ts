import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { createLocationInput } from '#shared/inventory/schemas.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** POST /admin/stock-locations: a new warehouse or store (the id is the caller's, so a retry is a 409). */
export const handler = httpHandler({ bodyLimitBytes: 4 * 1024 }, async ({ event }) => {
  const location = await locations.create(jsonBody(event, createLocationInput));
  return json(201, location, {
    location: `/admin/stock-locations/${location.id}`,
    'cache-control': 'no-store',
  });
});
