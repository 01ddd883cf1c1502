import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { inventoryAdminOperations } from '../operations/admin.ts';
import { inventoryServices } from '../wiring.ts';

/** The `inventoryAdmin` function: `/admin/inventory…`, `/admin/stock-locations…`, `/admin/reservations`. */
export const handler = httpRouter(inventoryAdminOperations, inventoryServices(requireEnv('TABLE_NAME')));
