import { actorOf } from '#shared/catalog/admin-request.ts';
import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { updateCategoryInput } from '#shared/catalog/category-schemas.ts';
import { categoryPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** PATCH /admin/categories/{categoryId}: rename, reorder or move if `version` is current. */
export const handler = httpHandler({ path: categoryPath }, async ({ path, event }) => {
  const category = await categories.update(
    path.categoryId,
    jsonBody(event, updateCategoryInput),
    actorOf(event),
  );
  return json(200, category, { 'cache-control': 'no-store' });
});
