import { versionQuery } from '../domain/admin-inputs.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { categoryPath } from './paths.ts';

/** DELETE /admin/categories/{categoryId}?version=N: only an empty leaf (409 otherwise). */
export const adminDeleteCategory = adminOperation({
  route: 'DELETE /admin/categories/{categoryId}',
  access: 'admin',
  operationId: 'adminDeleteCategory',
  summary: 'Delete an empty leaf category',
  description: 'Move or delete its subcategories and remove its products first.',
  tags: ['catalog', 'admin'],
  request: { path: categoryPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: {
    404: ['category_not_found'],
    409: ['version_conflict', 'category_has_children', 'category_has_products'],
  },
  handle: async ({ path, query, caller }, { categories }) => {
    await categories.delete(path.categoryId, query.version, actorOf(caller));
    return { statusCode: 204 };
  },
});
