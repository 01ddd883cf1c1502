import { json } from '#platform/http/response.ts';
import { versionOnlyInput } from '../domain/admin-inputs.ts';
import { archiveProduct } from '../domain/product-rules.ts';
import { productSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** POST /admin/products/{productId}/archive: the product leaves the store, if `version` is current. */
export const adminArchiveProduct = adminOperation({
  route: 'POST /admin/products/{productId}/archive',
  access: 'admin',
  operationId: 'adminArchiveProduct',
  summary: 'Archive a product: it leaves the store',
  tags: ['catalog', 'admin'],
  request: { path: productPath, body: versionOnlyInput },
  responses: { 200: { description: 'The archived product', schema: productSchema } },
  problems: { 404: ['product_not_found'], 409: ['version_conflict', 'already_archived'] },
  handle: async ({ path, body, caller }, { writer }) => {
    const change = await writer.apply(path.productId, body.version, actorOf(caller), archiveProduct);
    return json(200, change.after, noStore);
  },
});
