import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { httpRouter } from '#platform/http/router.ts';
import { pricingAdminOperations } from '../operations/admin.ts';
import { pricingAdminServices } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');

/** The `pricingAdmin` function: `/admin/promotions…`, `/admin/price-lists…`, `/admin/shipping-options…`, `/admin/tax-settings`. */
export const handler = httpRouter(
  pricingAdminOperations,
  withSecret(generatedSecret('cursorKey'), (cursorKey) => pricingAdminServices(table, cursorKey)),
);
