import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { orderStoreOperations } from '../operations/store.ts';
import { orderServices } from '../wiring.ts';

/** The `ordersStore` function: `GET /orders/{orderId}` and `GET /me/orders`, routed by `routeKey`. */
export const handler = httpRouter(
  orderStoreOperations,
  orderServices(
    requireEnv('TABLE_NAME'),
    requireEnv('SECRET_CURSOR_KEY'),
    requireEnv('STATE_MACHINE_ARN_ORDER_CANCELLATION'),
  ),
);
