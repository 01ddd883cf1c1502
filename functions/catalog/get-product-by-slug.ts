import { withEffectivePrices } from '#shared/catalog/pricing.ts';
import { ProductRepository } from '#shared/catalog/product-repository.ts';
import { slugPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const products = new ProductRepository(requireEnv('TABLE_NAME'));

/** GET /products/by-slug/{slug}: an active product by its slug (one Query on gsi2). */
export const handler = httpHandler({ path: slugPath }, async ({ path }) => {
  const product = await products.getBySlug(path.slug);
  if (product?.status !== 'active')
    throw new NotFoundError(`No product has slug ${path.slug}`, 'product_not_found');
  return json(200, withEffectivePrices(product, new Date()), { 'cache-control': 'public, max-age=30' });
});
