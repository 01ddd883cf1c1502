import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { codeAttemptLimitsFrom } from '../domain/code-attempts.ts';
import { storeOperations } from '../operations/store.ts';
import { cartServices } from '../wiring.ts';

/** The `carts` function: every `/carts…` route but checkout, routed by `routeKey`. */
export const handler = httpRouter(
  storeOperations,
  cartServices(requireEnv('TABLE_NAME'), codeAttemptLimitsFrom(process.env)),
);
