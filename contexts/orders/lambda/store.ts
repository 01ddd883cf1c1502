import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { orderStoreOperations } from '../operations/store.ts';
import { orderServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');
const cancellation = requireEnv('STATE_MACHINE_ARN_ORDER_CANCELLATION');

/** The `ordersStore` function: `GET /orders/{orderId}` and `GET /me/orders`, routed by `routeKey`. */
export const handler = httpRouter(
  orderStoreOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => orderServices(table, cursorKey, cancellation)),
);
