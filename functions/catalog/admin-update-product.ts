import { updateProductInput } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { updateProduct } from '#shared/catalog/product-rules.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** PATCH /admin/products/{productId}: changes fields if `version` is current (1 Query + 1 transaction). */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const input = jsonBody(event, updateProductInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    updateProduct(p, input, now),
  );
  return json(200, change.after, { 'cache-control': 'no-store' });
});
