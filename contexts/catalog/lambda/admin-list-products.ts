import { ProductRepository } from '#contexts/catalog/data/product-repository.ts';
import { adminProductsQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/products?status=: one page of products in a status, newest first (one Query on gsi1). */
export const handler = httpHandler({ query: adminProductsQuery }, async ({ query }) => {
  const page = await products.listByStatus(query.status, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
