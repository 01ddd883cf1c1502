import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { storeOperations } from '../operations/store.ts';
import { storeServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');

/** The `catalogStore` function: the store's product and category reads, routed by `routeKey`. */
export const handler = httpRouter(
  storeOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => storeServices(table, cursorKey)),
);
