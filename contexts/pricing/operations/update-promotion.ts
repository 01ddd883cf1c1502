import { json } from '#platform/http/response.ts';
import { promotionPath, storedPromotionSchema, updatePromotionInput } from '../domain/promotion-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/promotions/{promotionId}: changes fields if `version` is current (1 GetItem + 1 PutItem). */
export const updatePromotion = pricingAdminOperation({
  route: 'PATCH /admin/promotions/{promotionId}',
  access: 'admin',
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
  handle: async ({ path, body }, { promotions }) =>
    json(200, await promotions.update(path.promotionId, body), noStore),
});
