import { json } from '#platform/http/response.ts';
import { categorySchema, createCategoryInput } from '../domain/category-schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { noStore } from './responses.ts';

/** POST /admin/categories: a new category, as a root or under an existing parent. */
export const adminCreateCategory = adminOperation({
  route: 'POST /admin/categories',
  access: 'admin',
  operationId: 'adminCreateCategory',
  summary: 'Create a category',
  tags: ['catalog', 'admin'],
  request: { body: createCategoryInput },
  responses: { 201: { description: 'The new category', schema: categorySchema } },
  problems: { 409: ['category_exists'], 422: ['parent_not_found'] },
  handle: async ({ body, caller }, { categories }) => {
    const category = await categories.create(body, actorOf(caller));
    return json(201, category, { location: `/admin/categories/${category.id}`, ...noStore });
  },
});
