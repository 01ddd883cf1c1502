import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { channelsAdminOperations } from '../operations/admin.ts';
import { channelsAdminServices } from '../wiring.ts';

/** The `channelsAdmin` function: `/admin/channels…` and their publishable keys, routed by `routeKey`. */
export const handler = httpRouter(channelsAdminOperations, channelsAdminServices(requireEnv('TABLE_NAME')));
