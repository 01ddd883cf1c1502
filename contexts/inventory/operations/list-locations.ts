import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { stockLocation } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/stock-locations: every stock location (there are few: one answer, no pages). */
export const listLocations = inventoryAdminOperation({
  route: 'GET /admin/stock-locations',
  access: 'admin',
  operationId: 'adminListStockLocations',
  summary: 'Every stock location',
  tags: ['admin'],
  responses: { 200: { description: 'The locations', schema: z.object({ items: z.array(stockLocation) }) } },
  handle: async (_, { locations }) => json(200, { items: await locations.list() }, noStore),
});
