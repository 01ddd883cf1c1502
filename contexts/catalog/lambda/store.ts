import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { storeOperations } from '../operations/store.ts';
import { storeServices } from '../wiring.ts';

/** The `catalogStore` function: the store's product and category reads, routed by `routeKey`. */
export const handler = httpRouter(
  storeOperations,
  storeServices(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY')),
);
