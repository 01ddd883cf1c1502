import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { orderAdminOperations } from '../operations/admin.ts';
import { orderServices } from '../wiring.ts';

/** The `ordersAdmin` function: `GET /admin/orders` and `GET /admin/orders/{orderId}`, routed by `routeKey`. */
export const handler = httpRouter(
  orderAdminOperations,
  orderServices(
    requireEnv('TABLE_NAME'),
    requireEnv('SECRET_CURSOR_KEY'),
    requireEnv('STATE_MACHINE_ARN_ORDER_CANCELLATION'),
  ),
);
