import { json } from '#platform/http/response.ts';
import { locationPath, stockLocation } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/stock-locations/{locationId}: one location with its version (1 GetItem). */
export const getLocation = inventoryAdminOperation({
  route: 'GET /admin/stock-locations/{locationId}',
  access: 'admin',
  operationId: 'adminGetStockLocation',
  summary: 'One stock location',
  tags: ['admin'],
  request: { path: locationPath },
  responses: { 200: { description: 'The location', schema: stockLocation } },
  problems: { 404: ['location_not_found'] },
  handle: async ({ path }, { locations }) => json(200, await locations.get(path.locationId), noStore),
});
