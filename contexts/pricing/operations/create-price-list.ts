import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { createPriceListInput, storedPriceListSchema } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/price-lists: a new price list with `PriceListCreated` (1 conditional PutItem). */
export const createPriceList = pricingAdminOperation({
  route: 'POST /admin/price-lists',
  access: 'admin',
  operationId: 'adminCreatePriceList',
  summary: 'Create a price list',
  description:
    'A draft by default; `active` lists apply to carts in their window (`startsAt` inclusive, `endsAt` ' +
    'exclusive), sales channels (empty = every channel) and customer groups (empty = everyone). Add ' +
    'prices with `POST /admin/price-lists/{priceListId}/prices`. With an `Idempotency-Key` a retry ' +
    'answers the list it created.',
  tags: ['admin'],
  request: {
    body: createPriceListInput,
    headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
  },
  responses: {
    201: {
      description: 'The new price list (version 1)',
      schema: storedPriceListSchema,
      headers: z.object({
        location: z.string().meta({ description: 'The price list’s URL path' }),
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .meta({ description: 'Present when this answers a retry of an earlier request' }),
      }),
    },
  },
  problems: { 400: ['price_list_window_invalid'], 422: ['idempotency_key_reused'] },
  handle: async ({ body, event }, { priceLists }) => {
    const key = idempotencyKeyOf(event);
    const { priceList, replayed } = await priceLists.create(
      body,
      key === undefined ? {} : { idempotencyKey: key },
    );
    return json(201, priceList, {
      location: `/admin/price-lists/${priceList.id}`,
      ...noStore,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
