import {
  deleteShippingOptionQuery,
  shippingOptionPath,
} from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { shippingOptions } from '#contexts/pricing/operations/shipping-responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/**
 * DELETE /admin/shipping-options/{optionId}[?version=N] (1 DeleteItem). A cart that had chosen it
 * finds it gone on its next read and asks for another option.
 */
export const handler = httpHandler(
  { path: shippingOptionPath, query: deleteShippingOptionQuery },
  async ({ path, query }) => {
    await options.delete(path.optionId, query.version);
    return { statusCode: 204 };
  },
);
