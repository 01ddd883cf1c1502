import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { noStore, shippingOptions } from '#shared/shipping/services.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** GET /admin/shipping-options: every option by id (there are few: one answer, no pages). */
export const handler = httpHandler({}, async () => json(200, { items: await options.list() }, noStore));
