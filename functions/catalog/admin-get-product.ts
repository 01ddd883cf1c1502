import { ProductRepository } from '#shared/catalog/product-repository.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /admin/products/{productId}: a product in any status, for the back office. */
export const handler = httpHandler({ path: productPath }, async ({ path }) => {
  const product = await products.get(path.productId);
  if (!product) throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
  return json(200, product, { 'cache-control': 'no-store' });
});
