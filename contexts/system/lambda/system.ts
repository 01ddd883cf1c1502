import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { systemOperations } from '../operations/system.ts';
import { systemServices } from '../wiring.ts';

/** The `system` function: `GET /health` and the `$default` catch-all, routed by `routeKey`. */
export const handler = httpRouter(systemOperations, systemServices(requireEnv('TABLE_NAME')));
