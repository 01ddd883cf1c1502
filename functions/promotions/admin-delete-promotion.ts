import { versionQuery } from '#shared/catalog/admin-inputs.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { PromotionRepository } from '#shared/promotions/repository.ts';
import { promotionPath } from '#shared/promotions/schemas.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** DELETE /admin/promotions/{promotionId}?version=N: deletes it and frees its code (1 GetItem + 1 transaction). */
export const handler = httpHandler({ path: promotionPath, query: versionQuery }, async ({ path, query }) => {
  await promotions.delete(path.promotionId, query.version);
  return { statusCode: 204 };
});
