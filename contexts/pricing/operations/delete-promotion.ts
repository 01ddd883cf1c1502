import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { promotionPath } from '../domain/promotion-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';

/** DELETE /admin/promotions/{promotionId}?version=N: deletes it and frees its code (1 GetItem + 1 transaction). */
export const deletePromotion = pricingAdminOperation({
  route: 'DELETE /admin/promotions/{promotionId}',
  access: 'admin',
  operationId: 'adminDeletePromotion',
  summary: 'Delete a promotion and free its code',
  description: 'Its usage counters stay as history.',
  tags: ['admin'],
  request: { path: promotionPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['promotion_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, query }, { promotions }) => {
    await promotions.delete(path.promotionId, query.version);
    return { statusCode: 204 };
  },
});
