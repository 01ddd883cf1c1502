import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { customerOperations } from '../operations/customer.ts';
import { customerServices } from '../wiring.ts';

/** The `customers` function: `/me`, `/me/addresses…` and the admin's customer groups, routed by `routeKey`. */
export const handler = httpRouter(
  customerOperations,
  customerServices(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY')),
);
