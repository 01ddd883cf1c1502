import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { ListingRepository } from '#contexts/catalog/data/listing-repository.ts';
import { categoryPath, categoryProductsQuery } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const table = requireEnv('TABLE_NAME');
const listings = new ListingRepository(table, requireEnv('SECRET_CURSOR_KEY'));
const categories = new CategoryRepository(table);

/**
 * GET /categories/{categoryId}/products: one Query per page. Only an empty first page costs one more
 * request (a GetItem), to tell an unknown category (404) from an empty one.
 */
export const handler = httpHandler(
  { path: categoryPath, query: categoryProductsQuery },
  async ({ path, query }) => {
    const page = await listings.list({ ...query, category: path.categoryId });
    if (page.items.length === 0 && !query.cursor && !(await categories.get(path.categoryId)))
      throw new NotFoundError(`Category ${path.categoryId} does not exist`, 'category_not_found');
    return json(200, page, { 'cache-control': 'public, max-age=30' });
  },
);
