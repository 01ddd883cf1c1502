import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { createPromotionInput, storedPromotionSchema } from '../domain/promotion-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/**
 * POST /admin/promotions: a new promotion and its code in 1 TransactWriteItems; an `Idempotency-Key`
 * makes a retry a replay.
 */
export const createPromotion = pricingAdminOperation({
  route: 'POST /admin/promotions',
  access: 'admin',
  operationId: 'adminCreatePromotion',
  summary: 'Create a promotion',
  description:
    'Without `code` it applies automatically to every cart it fits; with one, once a shopper enters ' +
    'it. Codes are unique (compared upper-case) and never change. With an `Idempotency-Key` the id ' +
    'derives from it, so a retry answers the promotion it created.',
  tags: ['admin'],
  request: {
    body: createPromotionInput,
    headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
  },
  responses: {
    201: {
      description: 'The new promotion (version 1)',
      schema: storedPromotionSchema,
      headers: z.object({
        location: z.string().meta({ description: 'The promotion’s URL path' }),
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .meta({ description: 'Present when this answers a retry of an earlier request' }),
      }),
    },
  },
  problems: {
    400: ['promotion_window_invalid'],
    409: ['promotion_code_taken'],
    422: ['idempotency_key_reused'],
  },
  handle: async ({ body, event }, { promotions }) => {
    const key = idempotencyKeyOf(event);
    const { promotion, replayed } = await promotions.create(
      body,
      key === undefined ? {} : { idempotencyKey: key },
    );
    return json(201, promotion, {
      location: `/admin/promotions/${promotion.id}`,
      ...noStore,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
