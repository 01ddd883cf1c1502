import { versionOnlyInput } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { publishProduct } from '#shared/catalog/product-rules.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products/{productId}/publish: publishes the product (draft or archived → active) if `version` is current. */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const { version } = jsonBody(event, versionOnlyInput);
  const change = await writer.apply(path.productId, version, actorOf(event), publishProduct);
  return json(200, change.after, { 'cache-control': 'no-store' });
});
