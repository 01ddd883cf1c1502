import {
  replaceShippingOptionInput,
  shippingOptionPath,
} from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { noStore, shippingOptions } from '#contexts/pricing/operations/shipping-responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** PUT /admin/shipping-options/{optionId}: full replacement if `version` is current (1 UpdateItem). */
export const handler = httpHandler(
  { path: shippingOptionPath, bodyLimitBytes: 32 * 1024 },
  async ({ path, event }) =>
    json(200, await options.update(path.optionId, jsonBody(event, replaceShippingOptionInput)), noStore),
);
