import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { returnStoreOperations } from '../operations/returns.ts';
import { fulfillmentServices } from '../wiring.ts';

/** The `fulfillmentStore` function: a shopper's returns, routed by `routeKey`. */
export const handler = httpRouter(returnStoreOperations, fulfillmentServices(requireEnv('TABLE_NAME')));
