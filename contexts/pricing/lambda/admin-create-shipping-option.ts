import { createShippingOptionInput } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import {
  noStore,
  shippingOptions,
  shippingOptionUrl,
} from '#contexts/pricing/operations/shipping-responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';

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
