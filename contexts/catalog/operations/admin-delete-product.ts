import { versionQuery } from '../domain/admin-inputs.ts';
import { deleteProduct } from '../domain/product-rules.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { productPath } from './paths.ts';

/** DELETE /admin/products/{productId}?version=N: deletes a draft or archived product and its variants. */
export const adminDeleteProduct = adminOperation({
  route: 'DELETE /admin/products/{productId}',
  access: 'admin',
  operationId: 'adminDeleteProduct',
  summary: 'Delete a draft or archived product with its variants',
  tags: ['catalog', 'admin'],
  request: { path: productPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['product_not_found'], 409: ['version_conflict', 'product_active'] },
  handle: async ({ path, query, caller }, { writer }) => {
    await writer.apply(path.productId, query.version, actorOf(caller), deleteProduct);
    return { statusCode: 204 };
  },
});
