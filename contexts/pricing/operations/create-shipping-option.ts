import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { createShippingOptionInput, storedShippingOptionSchema } from '../domain/shipping-option-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/shipping-options: a new option (1 conditional Put); an `Idempotency-Key` makes a retry a replay. */
export const createShippingOption = pricingAdminOperation({
  route: 'POST /admin/shipping-options',
  access: 'admin',
  operationId: 'adminCreateShippingOption',
  summary: 'Create a shipping option',
  description:
    'Flat or weight-banded rates per currency, the countries served and an optional free-shipping ' +
    'threshold per currency. `id` is optional (slug-like); without it the server makes one, derived ' +
    'from the `Idempotency-Key` when one is sent so a retry answers the same option.',
  tags: ['admin'],
  request: {
    body: createShippingOptionInput,
    headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
    bodyLimitBytes: 32 * 1024,
  },
  responses: {
    201: {
      description: 'The new option',
      schema: storedShippingOptionSchema,
      headers: z.object({
        location: z.string().meta({ description: 'The option’s URL path' }),
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .meta({ description: 'Present when this answers an earlier request with the same key' }),
      }),
    },
  },
  problems: { 409: ['shipping_option_exists'], 422: ['idempotency_key_reused'] },
  handle: async ({ body, event }, { shippingOptions }) => {
    const { option, replayed } = await shippingOptions.create(body, idempotencyKeyOf(event));
    return json(201, option, {
      location: `/admin/shipping-options/${option.id}`,
      ...noStore,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
