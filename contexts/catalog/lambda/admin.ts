import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { adminOperations } from '../operations/admin.ts';
import { adminServices } from '../wiring.ts';

/** The `catalogAdmin` function: `/admin/products…` and `/admin/categories…`, routed by `routeKey`. */
export const handler = httpRouter(
  adminOperations,
  adminServices(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY')),
);
