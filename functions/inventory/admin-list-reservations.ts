import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { reservationsQuery } from '#shared/inventory/http.ts';
import { listReservations } from '#shared/inventory/reservation-queries.ts';

const table = requireEnv('TABLE_NAME');

/** GET /admin/reservations: one order's or cart's reservations (`ref`), or the held ones expiring soonest. */
export const handler = httpHandler({ query: reservationsQuery }, async ({ query }) =>
  json(200, { items: await listReservations(table, query) }, { 'cache-control': 'no-store' }),
);
