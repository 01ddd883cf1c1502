import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { promotionPath } from '#contexts/pricing/domain/promotion-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** GET /admin/promotions/{promotionId}: the promotion and its redemption count (1 TransactGetItems). */
export const handler = httpHandler({ path: promotionPath }, async ({ path }) => {
  const promotion = await promotions.getWithUsage(path.promotionId);
  if (!promotion)
    throw new NotFoundError(`Promotion ${path.promotionId} does not exist`, 'promotion_not_found');
  return json(200, promotion, { 'cache-control': 'no-store' });
});
