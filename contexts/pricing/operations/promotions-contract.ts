import { z } from 'zod';
import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import {
  createPromotionInput,
  promotionPageSchema,
  promotionPath,
  promotionsQuery,
  promotionWithUsageSchema,
  storedPromotionSchema,
  updatePromotionInput,
} from '#contexts/pricing/domain/promotion-inputs.ts';
import { defineOperations } from '#platform/contract/operation.ts';
import { idempotencyKey } from '#platform/http/idempotency-key.ts';

/** Promotions: automatic ones and codes, with usage limits (docs/pricing.md). */
export const promotionOperations = defineOperations([
  {
    route: 'POST /admin/promotions',
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
  },
  {
    route: 'GET /admin/promotions',
    operationId: 'adminListPromotions',
    summary: 'One page of promotions, newest first',
    description: 'Pass `nextCursor` back as `cursor` for the next page.',
    tags: ['admin'],
    request: { query: promotionsQuery },
    responses: { 200: { description: 'A page of promotions', schema: promotionPageSchema } },
    problems: { 400: ['invalid_cursor'] },
  },
  {
    route: 'GET /admin/promotions/{promotionId}',
    operationId: 'adminGetPromotion',
    summary: 'One promotion with its redemption count',
    tags: ['admin'],
    request: { path: promotionPath },
    responses: { 200: { description: 'The promotion', schema: promotionWithUsageSchema } },
    problems: { 404: ['promotion_not_found'] },
  },
  {
    route: 'PATCH /admin/promotions/{promotionId}',
    operationId: 'adminUpdatePromotion',
    summary: 'Change a promotion',
    description:
      'Send the `version` you read (a stale one is a 409 `version_conflict`); `null` removes an optional ' +
      'field. `type` and `code` cannot change. The merged promotion is validated as a whole.',
    tags: ['admin'],
    request: { path: promotionPath, body: updatePromotionInput },
    responses: { 200: { description: 'The changed promotion', schema: storedPromotionSchema } },
    problems: {
      400: ['promotion_window_invalid'],
      404: ['promotion_not_found'],
      409: ['version_conflict'],
      422: ['promotion_type_immutable', 'promotion_code_immutable'],
    },
  },
  {
    route: 'DELETE /admin/promotions/{promotionId}',
    operationId: 'adminDeletePromotion',
    summary: 'Delete a promotion and free its code',
    description: 'Its usage counters stay as history.',
    tags: ['admin'],
    request: { path: promotionPath, query: versionQuery },
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: ['promotion_not_found'], 409: ['version_conflict'] },
  },
]);
