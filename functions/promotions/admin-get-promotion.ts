import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { PromotionRepository } from '#shared/promotions/repository.ts';
import { promotionPath } from '#shared/promotions/schemas.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** GET /admin/promotions/{promotionId}: the promotion and its redemption count (1 TransactGetItems). */
export const handler = httpHandler({ path: promotionPath }, async ({ path }) => {
  const promotion = await promotions.getWithUsage(path.promotionId);
  if (!promotion)
    throw new NotFoundError(`Promotion ${path.promotionId} does not exist`, 'promotion_not_found');
  return json(200, promotion, { 'cache-control': 'no-store' });
});
