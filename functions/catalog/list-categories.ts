import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { buildTree } from '#shared/catalog/category-tree.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** GET /categories: the whole category tree (one Query on gsi1). */
export const handler = httpHandler({}, async () => {
  const items = buildTree(await categories.list());
  return json(200, { items }, { 'cache-control': 'public, max-age=60' });
});
