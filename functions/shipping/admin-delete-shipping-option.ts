import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { deleteShippingOptionQuery, shippingOptionPath } from '#shared/shipping/schemas.ts';
import { shippingOptions } from '#shared/shipping/services.ts';

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
