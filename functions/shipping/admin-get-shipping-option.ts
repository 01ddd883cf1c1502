import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { shippingOptionPath } from '#shared/shipping/schemas.ts';
import { noStore, shippingOptions } from '#shared/shipping/services.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** GET /admin/shipping-options/{optionId}: one option with its version (1 GetItem). */
export const handler = httpHandler({ path: shippingOptionPath }, async ({ path }) =>
  json(200, await options.get(path.optionId), noStore),
);
