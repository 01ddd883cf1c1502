import { shippingOptionPath } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { noStore, shippingOptions } from '#contexts/pricing/operations/shipping-responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** GET /admin/shipping-options/{optionId}: one option with its version (1 GetItem). */
export const handler = httpHandler({ path: shippingOptionPath }, async ({ path }) =>
  json(200, await options.get(path.optionId), noStore),
);
