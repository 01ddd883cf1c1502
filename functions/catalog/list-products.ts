import { ProductRepository } from '#shared/catalog/product-repository.ts';
import { listProductsQuery } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /products: one page of active products, newest first (one Query on gsi1). */
export const handler = httpHandler({ query: listProductsQuery }, async ({ query }) => {
  const page = await products.listByStatus('active', query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
