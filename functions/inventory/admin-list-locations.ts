import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { inventoryServices } from '#shared/inventory/services.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/stock-locations: every stock location (there are few: one answer, no pages). */
export const handler = httpHandler({}, async () =>
  json(200, { items: await locations.list() }, { 'cache-control': 'no-store' }),
);
