import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { updateCategoryInput } from '#contexts/catalog/domain/category-schemas.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { categoryPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

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
