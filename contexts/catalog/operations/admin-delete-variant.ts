import { json } from '#platform/http/response.ts';
import { versionQuery } from '../domain/admin-inputs.ts';
import { productSchema } from '../domain/schemas.ts';
import { removeVariant } from '../domain/variant-rules.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { variantPath } from './paths.ts';
import { noStore } from './responses.ts';

/** DELETE /admin/products/{productId}/variants/{variantId}?version=N: removes a variant (frees its SKU). */
export const adminDeleteVariant = adminOperation({
  route: 'DELETE /admin/products/{productId}/variants/{variantId}',
  access: 'admin',
  operationId: 'adminDeleteVariant',
  summary: 'Remove a variant',
  tags: ['catalog', 'admin'],
  request: { path: variantPath, query: versionQuery },
  responses: { 200: { description: 'The product without the variant', schema: productSchema } },
  problems: {
    404: ['product_not_found', 'variant_not_found'],
    409: ['version_conflict', 'last_variant'],
  },
  handle: async ({ path, query, caller }, { writer }) => {
    const change = await writer.apply(path.productId, query.version, actorOf(caller), (p, now) =>
      removeVariant(p, path.variantId, now),
    );
    return json(200, change.after, noStore);
  },
});
