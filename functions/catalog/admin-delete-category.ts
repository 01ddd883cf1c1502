import { versionQuery } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { categoryPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** DELETE /admin/categories/{categoryId}?version=N: only an empty leaf (409 otherwise). */
export const handler = httpHandler(
  { path: categoryPath, query: versionQuery },
  async ({ path, query, event }) => {
    await categories.delete(path.categoryId, query.version, actorOf(event));
    return { statusCode: 204 };
  },
);
