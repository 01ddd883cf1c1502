import { adminProductsQuery } from '#shared/catalog/admin-inputs.ts';
import { ProductRepository } from '#shared/catalog/product-repository.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/products?status=: one page of products in a status, newest first (one Query on gsi1). */
export const handler = httpHandler({ query: adminProductsQuery }, async ({ query }) => {
  const page = await products.listByStatus(query.status, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
