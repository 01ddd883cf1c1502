import { actorOf } from '#shared/catalog/admin-request.ts';
import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { createCategoryInput } from '#shared/catalog/category-schemas.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** POST /admin/categories: a new category, as a root or under an existing parent. */
export const handler = httpHandler({}, async ({ event }) => {
  const category = await categories.create(jsonBody(event, createCategoryInput), actorOf(event));
  return json(201, category, { location: `/admin/categories/${category.id}`, 'cache-control': 'no-store' });
});
