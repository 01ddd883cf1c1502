import { ProductRepository } from '#contexts/catalog/data/product-repository.ts';
import { withEffectivePrices } from '#contexts/catalog/domain/pricing.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /products/{productId}: an active product with variants, prices and effective (sale) prices (one Query). */
export const handler = httpHandler({ path: productPath }, async ({ path }) => {
  const product = await products.get(path.productId);
  // Drafts and archived products are invisible to the store: same answer as a missing one.
  if (product?.status !== 'active')
    throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
  return json(200, withEffectivePrices(product, new Date()), { 'cache-control': 'public, max-age=30' });
});
