import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { customerOperations } from '../operations/customer.ts';
import { customerServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');

/** The `customers` function: `/me`, `/me/addresses…` and the admin's customer groups, routed by `routeKey`. */
export const handler = httpRouter(
  customerOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => customerServices(table, cursorKey)),
);
