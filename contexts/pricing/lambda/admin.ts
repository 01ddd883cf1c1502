import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { pricingAdminOperations } from '../operations/admin.ts';
import { pricingAdminServices } from '../wiring.ts';

/** The `pricingAdmin` function: `/admin/promotions…`, `/admin/price-lists…`, `/admin/shipping-options…`, `/admin/tax-settings`. */
export const handler = httpRouter(
  pricingAdminOperations,
  pricingAdminServices(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY')),
);
