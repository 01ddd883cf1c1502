import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { promotionPath, promotionWithUsageSchema } from '../domain/promotion-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/promotions/{promotionId}: the promotion and its redemption count (1 TransactGetItems). */
export const getPromotion = pricingAdminOperation({
  route: 'GET /admin/promotions/{promotionId}',
  access: 'admin',
  operationId: 'adminGetPromotion',
  summary: 'One promotion with its redemption count',
  tags: ['admin'],
  request: { path: promotionPath },
  responses: { 200: { description: 'The promotion', schema: promotionWithUsageSchema } },
  problems: { 404: ['promotion_not_found'] },
  handle: async ({ path }, { promotions }) => {
    const promotion = await promotions.getWithUsage(path.promotionId);
    if (!promotion)
      throw new NotFoundError(`Promotion ${path.promotionId} does not exist`, 'promotion_not_found');
    return json(200, promotion, noStore);
  },
});
