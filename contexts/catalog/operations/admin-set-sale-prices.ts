import { json } from '#platform/http/response.ts';
import { setSalePricesInput } from '../domain/admin-inputs.ts';
import { productSchema } from '../domain/schemas.ts';
import { setSalePrices } from '../domain/variant-rules.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { variantPath } from './paths.ts';
import { noStore } from './responses.ts';

/** PUT /admin/products/{productId}/variants/{variantId}/sale-prices: replaces the variant's price-list entries. */
export const adminSetSalePrices = adminOperation({
  route: 'PUT /admin/products/{productId}/variants/{variantId}/sale-prices',
  access: 'admin',
  operationId: 'adminSetSalePrices',
  summary: 'Replace the sale prices (price-list entries) of a variant',
  description: 'Each entry applies from `startsAt` (inclusive) to `endsAt` (exclusive) in one currency.',
  tags: ['catalog', 'admin'],
  request: { path: variantPath, body: setSalePricesInput },
  responses: { 200: { description: 'The product with the new sale prices', schema: productSchema } },
  problems: { 404: ['product_not_found', 'variant_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), (p, now) =>
      setSalePrices(p, path.variantId, body, now),
    );
    return json(200, change.after, noStore);
  },
});
