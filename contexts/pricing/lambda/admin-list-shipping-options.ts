import { noStore, shippingOptions } from '#contexts/pricing/operations/shipping-responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** GET /admin/shipping-options: every option by id (there are few: one answer, no pages). */
export const handler = httpHandler({}, async () => json(200, { items: await options.list() }, noStore));
