import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { createLocationInput, stockLocation } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/stock-locations: a new warehouse or store (the id is the caller's, so a retry is a 409). */
export const createLocation = inventoryAdminOperation({
  route: 'POST /admin/stock-locations',
  access: 'admin',
  operationId: 'adminCreateStockLocation',
  summary: 'Create a warehouse or store',
  tags: ['admin'],
  request: { body: createLocationInput, bodyLimitBytes: 4 * 1024 },
  responses: {
    201: {
      description: 'The new location',
      schema: stockLocation,
      headers: z.object({ location: z.string().meta({ description: 'The location’s URL path' }) }),
    },
  },
  problems: { 409: ['location_exists'] },
  handle: async ({ body }, { locations }) => {
    const location = await locations.create(body);
    return json(201, location, { location: `/admin/stock-locations/${location.id}`, ...noStore });
  },
});
