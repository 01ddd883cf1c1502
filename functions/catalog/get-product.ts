import { withEffectivePrices } from '#shared/catalog/pricing.ts';
import { ProductRepository } from '#shared/catalog/product-repository.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /products/{productId}: an active product with variants, prices and effective (sale) prices (one Query). */
export const handler = httpHandler({ path: productPath }, async ({ path }) => {
  const product = await products.get(path.productId);
  // Drafts and archived products are invisible to the store: same answer as a missing one.
  if (product?.status !== 'active')
    throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
  return json(200, withEffectivePrices(product, new Date()), { 'cache-control': 'public, max-age=30' });
});
