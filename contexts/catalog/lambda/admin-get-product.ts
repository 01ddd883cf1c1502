import { ProductRepository } from '#contexts/catalog/data/product-repository.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /admin/products/{productId}: a product in any status, for the back office. */
export const handler = httpHandler({ path: productPath }, async ({ path }) => {
  const product = await products.get(path.productId);
  if (!product) throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
  return json(200, product, { 'cache-control': 'no-store' });
});
