import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { adminOperations } from '../operations/admin.ts';
import { adminServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');

/** The `catalogAdmin` function: `/admin/products…` and `/admin/categories…`, routed by `routeKey`. */
export const handler = httpRouter(
  adminOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => adminServices(table, cursorKey)),
);
