import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { idempotencyKeyOf } from '#shared/http/idempotency-key.ts';
import { json } from '#shared/http/response.ts';
import { createShippingOptionInput } from '#shared/shipping/schemas.ts';
import { noStore, shippingOptions, shippingOptionUrl } from '#shared/shipping/services.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** POST /admin/shipping-options: a new option (1 conditional Put); an Idempotency-Key makes a retry a replay. */
export const handler = httpHandler({ bodyLimitBytes: 32 * 1024 }, async ({ event }) => {
  const input = jsonBody(event, createShippingOptionInput);
  const key = idempotencyKeyOf(event);
  const { option, replayed } = await options.create(input, key);
  return json(201, option, {
    location: shippingOptionUrl(option.id),
    ...noStore,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});
