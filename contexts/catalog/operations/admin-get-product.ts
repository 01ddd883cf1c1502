import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { productSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** GET /admin/products/{productId}: a product in any status, for the back office. */
export const adminGetProduct = adminOperation({
  route: 'GET /admin/products/{productId}',
  access: 'admin',
  operationId: 'adminGetProduct',
  summary: 'One product in any status (draft, active, archived)',
  tags: ['catalog', 'admin'],
  request: { path: productPath },
  responses: { 200: { description: 'The product', schema: productSchema } },
  problems: { 404: ['product_not_found'] },
  handle: async ({ path }, { products }) => {
    const product = await products.get(path.productId);
    if (!product) throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
    return json(200, product, noStore);
  },
});
