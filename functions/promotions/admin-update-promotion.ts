import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { PromotionRepository } from '#shared/promotions/repository.ts';
import { promotionPath, updatePromotionInput } from '#shared/promotions/schemas.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** PATCH /admin/promotions/{promotionId}: changes fields if `version` is current (1 GetItem + 1 PutItem). */
export const handler = httpHandler({ path: promotionPath }, async ({ path, event }) => {
  const patch = jsonBody(event, updatePromotionInput);
  const promotion = await promotions.update(path.promotionId, patch);
  return json(200, promotion, { 'cache-control': 'no-store' });
});
