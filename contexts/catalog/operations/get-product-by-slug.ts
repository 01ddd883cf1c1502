import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { withEffectivePrices } from '../domain/pricing.ts';
import { storeProductSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { slugPath } from './paths.ts';
import { publicFor } from './responses.ts';

/** GET /products/by-slug/{slug}: an active product by its slug (one Query on gsi2). */
export const getProductBySlug = storeOperation({
  route: 'GET /products/by-slug/{slug}',
  access: 'public',
  operationId: 'getProductBySlug',
  summary: 'One active product by its slug',
  tags: ['catalog'],
  request: { path: slugPath },
  responses: { 200: { description: 'The product', schema: storeProductSchema } },
  problems: { 404: ['product_not_found'] },
  handle: async ({ path }, { products }) => {
    const product = await products.getBySlug(path.slug);
    if (product?.status !== 'active')
      throw new NotFoundError(`No product has slug ${path.slug}`, 'product_not_found');
    return json(200, withEffectivePrices(product, new Date()), publicFor(30));
  },
});
