import { ProductRepository } from '#contexts/catalog/data/product-repository.ts';
import { withEffectivePrices } from '#contexts/catalog/domain/pricing.ts';
import { slugPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /products/by-slug/{slug}: an active product by its slug (one Query on gsi2). */
export const handler = httpHandler({ path: slugPath }, async ({ path }) => {
  const product = await products.getBySlug(path.slug);
  if (product?.status !== 'active')
    throw new NotFoundError(`No product has slug ${path.slug}`, 'product_not_found');
  return json(200, withEffectivePrices(product, new Date()), { 'cache-control': 'public, max-age=30' });
});
