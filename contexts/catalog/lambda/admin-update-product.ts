import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { updateProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { updateProduct } from '#contexts/catalog/domain/product-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** PATCH /admin/products/{productId}: changes fields if `version` is current (1 Query + 1 transaction). */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const input = jsonBody(event, updateProductInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    updateProduct(p, input, now),
  );
  return json(200, change.after, { 'cache-control': 'no-store' });
});
