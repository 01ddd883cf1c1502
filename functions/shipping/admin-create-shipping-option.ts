import { requireEnv } from '#shared/config.ts';
import { idempotencyKey } from '#shared/customers/schemas.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { parseInput } from '#shared/http/validate.ts';
import { createShippingOptionInput } from '#shared/shipping/schemas.ts';
import { noStore, shippingOptions, shippingOptionUrl } from '#shared/shipping/services.ts';

const options = shippingOptions(requireEnv('TABLE_NAME'));

/** POST /admin/shipping-options: a new option (1 conditional Put); an Idempotency-Key makes a retry a replay. */
export const handler = httpHandler({ bodyLimitBytes: 32 * 1024 }, async ({ event }) => {
  const input = jsonBody(event, createShippingOptionInput);
  const rawKey = event.headers['idempotency-key'];
  const key = rawKey === undefined ? undefined : parseInput(idempotencyKey, rawKey, 'header.idempotency-key');
  const { option, replayed } = await options.create(input, key);
  return json(201, option, {
    location: shippingOptionUrl(option.id),
    ...noStore,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});
