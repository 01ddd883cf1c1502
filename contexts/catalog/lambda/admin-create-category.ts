import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { createCategoryInput } from '#contexts/catalog/domain/category-schemas.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** POST /admin/categories: a new category, as a root or under an existing parent. */
export const handler = httpHandler({}, async ({ event }) => {
  const category = await categories.create(jsonBody(event, createCategoryInput), actorOf(event));
  return json(201, category, { location: `/admin/categories/${category.id}`, 'cache-control': 'no-store' });
});
