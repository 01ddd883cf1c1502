import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { fulfillmentOperations } from '../operations/fulfillments.ts';
import { fulfillmentServices } from '../wiring.ts';

/** The `fulfillmentAdmin` function: an order's fulfillments and shipments, routed by `routeKey`. */
export const handler = httpRouter(fulfillmentOperations, fulfillmentServices(requireEnv('TABLE_NAME')));
