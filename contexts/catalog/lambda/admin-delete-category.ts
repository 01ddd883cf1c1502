import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { categoryPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** DELETE /admin/categories/{categoryId}?version=N: only an empty leaf (409 otherwise). */
export const handler = httpHandler(
  { path: categoryPath, query: versionQuery },
  async ({ path, query, event }) => {
    await categories.delete(path.categoryId, query.version, actorOf(event));
    return { statusCode: 204 };
  },
);
