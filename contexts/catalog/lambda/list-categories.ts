import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { buildTree } from '#contexts/catalog/domain/category-tree.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const categories = new CategoryRepository(requireEnv('TABLE_NAME'));

/** GET /categories: the whole category tree (one Query on gsi1). */
export const handler = httpHandler({}, async () => {
  const items = buildTree(await categories.list());
  return json(200, { items }, { 'cache-control': 'public, max-age=60' });
});
