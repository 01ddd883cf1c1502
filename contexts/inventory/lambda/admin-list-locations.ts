import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const { locations } = inventoryServices(requireEnv('TABLE_NAME'));

/** GET /admin/stock-locations: every stock location (there are few: one answer, no pages). */
export const handler = httpHandler({}, async () =>
  json(200, { items: await locations.list() }, { 'cache-control': 'no-store' }),
);
