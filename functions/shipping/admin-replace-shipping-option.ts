import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { replaceShippingOptionInput, shippingOptionPath } from '#shared/shipping/schemas.ts';
import { noStore, shippingOptions } from '#shared/shipping/services.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** PUT /admin/shipping-options/{optionId}: full replacement if `version` is current (1 UpdateItem). */
export const handler = httpHandler(
  { path: shippingOptionPath, bodyLimitBytes: 32 * 1024 },
  async ({ path, event }) =>
    json(200, await options.update(path.optionId, jsonBody(event, replaceShippingOptionInput)), noStore),
);
