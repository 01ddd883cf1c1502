import { json } from '#platform/http/response.ts';
import { locationPath, stockLocation, updateLocationInput } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/stock-locations/{locationId}: rename, reprioritise, change regions, (de)activate. */
export const updateLocation = inventoryAdminOperation({
  route: 'PATCH /admin/stock-locations/{locationId}',
  access: 'admin',
  operationId: 'adminUpdateStockLocation',
  summary: 'Change or (de)activate a stock location',
  description:
    'Locations are deactivated (`active: false`), never deleted: levels and reservations name them.',
  tags: ['admin'],
  request: { path: locationPath, body: updateLocationInput, bodyLimitBytes: 4 * 1024 },
  responses: { 200: { description: 'The changed location', schema: stockLocation } },
  problems: { 404: ['location_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, body }, { locations }) =>
    json(200, await locations.update(path.locationId, body), noStore),
});
