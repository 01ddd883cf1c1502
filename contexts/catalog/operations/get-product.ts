import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { withEffectivePrices } from '../domain/pricing.ts';
import { storeProductSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { productPath } from './paths.ts';
import { publicFor } from './responses.ts';

/** GET /products/{productId}: an active product with variants, prices and effective (sale) prices (one Query). */
export const getProduct = storeOperation({
  route: 'GET /products/{productId}',
  access: 'public',
  operationId: 'getProduct',
  summary: 'One active product with its variants and prices',
  tags: ['catalog'],
  request: { path: productPath },
  responses: { 200: { description: 'The product', schema: storeProductSchema } },
  problems: { 404: ['product_not_found'] },
  handle: async ({ path }, { products }) => {
    const product = await products.get(path.productId);
    // Drafts and archived products are invisible to the store: same answer as a missing one.
    if (product?.status !== 'active')
      throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
    return json(200, withEffectivePrices(product, new Date()), publicFor(30));
  },
});
