import { listReservations } from '#contexts/inventory/data/reservation-queries.ts';
import { reservationsQuery } from '#contexts/inventory/operations/params.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const table = requireEnv('TABLE_NAME');

/** GET /admin/reservations: one order's or cart's reservations (`ref`), or the held ones expiring soonest. */
export const handler = httpHandler({ query: reservationsQuery }, async ({ query }) =>
  json(200, { items: await listReservations(table, query) }, { 'cache-control': 'no-store' }),
);
