import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { ListingRepository } from '#shared/catalog/listing-repository.ts';
import { categoryPath, categoryProductsQuery } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

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
