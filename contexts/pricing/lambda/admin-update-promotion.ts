import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { promotionPath, updatePromotionInput } from '#contexts/pricing/domain/promotion-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** PATCH /admin/promotions/{promotionId}: changes fields if `version` is current (1 GetItem + 1 PutItem). */
export const handler = httpHandler({ path: promotionPath }, async ({ path, event }) => {
  const patch = jsonBody(event, updatePromotionInput);
  const promotion = await promotions.update(path.promotionId, patch);
  return json(200, promotion, { 'cache-control': 'no-store' });
});
