import { json } from '#platform/http/response.ts';
import { newId } from '../data/product-writer.ts';
import { createProductInput } from '../domain/admin-inputs.ts';
import { createProduct } from '../domain/product-rules.ts';
import { productSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { noStore } from './responses.ts';

/** POST /admin/products: a new draft product with its variants (1 TransactWriteItems). */
export const adminCreateProduct = adminOperation({
  route: 'POST /admin/products',
  access: 'admin',
  operationId: 'adminCreateProduct',
  summary: 'Create a draft product with its options, variants and prices',
  description: 'Slugs and SKUs are unique across the catalog. A retried create answers 409 `slug_taken`.',
  tags: ['catalog', 'admin'],
  request: { body: createProductInput },
  responses: { 201: { description: 'The new product (status draft, version 1)', schema: productSchema } },
  problems: { 400: ['unknown_option'], 409: ['slug_taken', 'sku_taken'], 422: ['category_not_found'] },
  handle: async ({ body, caller }, { writer }) => {
    const change = createProduct(newId(), body, body.variants.map(newId), new Date());
    await writer.commit(change, actorOf(caller));
    const product = change.after!;
    return json(201, product, { location: `/admin/products/${product.id}`, ...noStore });
  },
});
