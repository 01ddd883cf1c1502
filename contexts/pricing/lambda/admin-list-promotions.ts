import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { promotionsQuery } from '#contexts/pricing/domain/promotion-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/promotions: one page of promotions, newest first (1 Query on gsi1). */
export const handler = httpHandler({ query: promotionsQuery }, async ({ query }) => {
  const page = await promotions.list(query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
