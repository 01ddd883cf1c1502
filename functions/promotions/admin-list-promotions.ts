import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { PromotionRepository } from '#shared/promotions/repository.ts';
import { promotionsQuery } from '#shared/promotions/schemas.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/promotions: one page of promotions, newest first (1 Query on gsi1). */
export const handler = httpHandler({ query: promotionsQuery }, async ({ query }) => {
  const page = await promotions.list(query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
