import { json } from '#platform/http/response.ts';
import { newId } from '../data/product-writer.ts';
import { addVariantInput } from '../domain/admin-inputs.ts';
import { productSchema } from '../domain/schemas.ts';
import { addVariant } from '../domain/variant-rules.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** POST /admin/products/{productId}/variants: adds a variant (new SKU) if `version` is current. */
export const adminAddVariant = adminOperation({
  route: 'POST /admin/products/{productId}/variants',
  access: 'admin',
  operationId: 'adminAddVariant',
  summary: 'Add a variant',
  tags: ['catalog', 'admin'],
  request: { path: productPath, body: addVariantInput },
  responses: { 201: { description: 'The product with the new variant', schema: productSchema } },
  problems: {
    400: ['unknown_option'],
    404: ['product_not_found'],
    409: ['version_conflict', 'sku_taken'],
    422: ['variant_limit_reached'],
  },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), (p, now) =>
      addVariant(p, newId(), body, now),
    );
    return json(201, change.after, noStore);
  },
});
