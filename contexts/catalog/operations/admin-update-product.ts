import { json } from '#platform/http/response.ts';
import { updateProductInput } from '../domain/admin-inputs.ts';
import { updateProduct } from '../domain/product-rules.ts';
import { productSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/products/{productId}: changes fields if `version` is current (1 Query + 1 transaction). */
export const adminUpdateProduct = adminOperation({
  route: 'PATCH /admin/products/{productId}',
  access: 'admin',
  operationId: 'adminUpdateProduct',
  summary: 'Change a product',
  description: 'Send the `version` you read; a stale one is a 409 `version_conflict`.',
  tags: ['catalog', 'admin'],
  request: { path: productPath, body: updateProductInput },
  responses: { 200: { description: 'The changed product', schema: productSchema } },
  problems: {
    404: ['product_not_found'],
    409: ['version_conflict', 'slug_taken', 'option_in_use'],
    422: ['category_not_found'],
  },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), (p, now) =>
      updateProduct(p, body, now),
    );
    return json(200, change.after, noStore);
  },
});
