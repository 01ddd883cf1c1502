import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { customerOperations } from '../operations/customer.ts';
import { customerServices } from '../wiring.ts';

/** The `customers` function: `/me` and `/me/addresses…`, routed by `routeKey`. */
export const handler = httpRouter(customerOperations, customerServices(requireEnv('TABLE_NAME')));
