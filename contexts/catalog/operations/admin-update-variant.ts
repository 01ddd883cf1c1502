import { json } from '#platform/http/response.ts';
import { updateVariantInput } from '../domain/admin-inputs.ts';
import { productSchema } from '../domain/schemas.ts';
import { updateVariant } from '../domain/variant-rules.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { variantPath } from './paths.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/products/{productId}/variants/{variantId}: SKU, options, prices…; prices emit PriceChanged. */
export const adminUpdateVariant = adminOperation({
  route: 'PATCH /admin/products/{productId}/variants/{variantId}',
  access: 'admin',
  operationId: 'adminUpdateVariant',
  summary: 'Change a variant (SKU, options, prices, weight, barcode)',
  tags: ['catalog', 'admin'],
  request: { path: variantPath, body: updateVariantInput },
  responses: { 200: { description: 'The product with the changed variant', schema: productSchema } },
  problems: {
    400: ['unknown_option'],
    404: ['product_not_found', 'variant_not_found'],
    409: ['version_conflict', 'sku_taken'],
  },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), (p, now) =>
      updateVariant(p, path.variantId, body, now),
    );
    return json(200, change.after, noStore);
  },
});
