import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { listReservations as list, MAX_RESERVATIONS_LISTED } from '../data/reservation-queries.ts';
import { reservation, reservationsQuery } from '../domain/schemas.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/reservations: one order's reservation (`ref` `order:<orderId>`), or the held ones expiring soonest. */
export const listReservations = inventoryAdminOperation({
  route: 'GET /admin/reservations',
  access: 'admin',
  operationId: 'adminListReservations',
  summary: 'The reservation of an order, or the held ones expiring soonest',
  tags: ['admin'],
  request: { query: reservationsQuery },
  responses: {
    200: {
      description: 'The reservations',
      schema: z.object({ items: z.array(reservation).max(MAX_RESERVATIONS_LISTED) }),
    },
  },
  handle: async ({ query }, { table }) => json(200, { items: await list(table, query) }, noStore),
});
