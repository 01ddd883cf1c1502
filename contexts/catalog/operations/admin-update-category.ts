import { json } from '#platform/http/response.ts';
import { categorySchema, updateCategoryInput } from '../domain/category-schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { categoryPath } from './paths.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/categories/{categoryId}: rename, reorder or move if `version` is current. */
export const adminUpdateCategory = adminOperation({
  route: 'PATCH /admin/categories/{categoryId}',
  access: 'admin',
  operationId: 'adminUpdateCategory',
  summary: 'Rename, reorder or move a category',
  tags: ['catalog', 'admin'],
  request: { path: categoryPath, body: updateCategoryInput },
  responses: { 200: { description: 'The changed category', schema: categorySchema } },
  problems: {
    404: ['category_not_found'],
    409: ['version_conflict', 'category_cycle'],
    422: ['parent_not_found'],
  },
  handle: async ({ path, body, caller }, { categories }) =>
    json(200, await categories.update(path.categoryId, body, actorOf(caller)), noStore),
});
