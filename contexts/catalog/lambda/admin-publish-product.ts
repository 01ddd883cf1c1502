import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { versionOnlyInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { publishProduct } from '#contexts/catalog/domain/product-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products/{productId}/publish: publishes the product (draft or archived → active) if `version` is current. */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const { version } = jsonBody(event, versionOnlyInput);
  const change = await writer.apply(path.productId, version, actorOf(event), publishProduct);
  return json(200, change.after, { 'cache-control': 'no-store' });
});
