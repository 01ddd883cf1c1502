import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { promotionPath } from '#contexts/pricing/domain/promotion-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** DELETE /admin/promotions/{promotionId}?version=N: deletes it and frees its code (1 GetItem + 1 transaction). */
export const handler = httpHandler({ path: promotionPath, query: versionQuery }, async ({ path, query }) => {
  await promotions.delete(path.promotionId, query.version);
  return { statusCode: 204 };
});
