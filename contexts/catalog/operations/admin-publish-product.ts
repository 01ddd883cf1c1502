import { json } from '#platform/http/response.ts';
import { versionOnlyInput } from '../domain/admin-inputs.ts';
import { publishProduct } from '../domain/product-rules.ts';
import { productSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** POST /admin/products/{productId}/publish: draft or archived → active, if `version` is current. */
export const adminPublishProduct = adminOperation({
  route: 'POST /admin/products/{productId}/publish',
  access: 'admin',
  operationId: 'adminPublishProduct',
  summary: 'Publish a product: it appears in the store',
  tags: ['catalog', 'admin'],
  request: { path: productPath, body: versionOnlyInput },
  responses: { 200: { description: 'The active product', schema: productSchema } },
  problems: {
    404: ['product_not_found'],
    409: ['version_conflict', 'already_active'],
    422: ['product_not_sellable'],
  },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), publishProduct);
    return json(200, change.after, noStore);
  },
});
