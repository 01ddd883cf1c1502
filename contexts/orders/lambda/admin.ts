import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { orderAdminOperations } from '../operations/admin.ts';
import { orderServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');
const cancellation = requireEnv('STATE_MACHINE_ARN_ORDER_CANCELLATION');

/** The `ordersAdmin` function: `GET /admin/orders` and `GET /admin/orders/{orderId}`, routed by `routeKey`. */
export const handler = httpRouter(
  orderAdminOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => orderServices(table, cursorKey, cancellation)),
);
