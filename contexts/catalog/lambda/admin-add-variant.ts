import { newId, ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { addVariantInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { addVariant } from '#contexts/catalog/domain/variant-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products/{productId}/variants: adds a variant (new SKU) if `version` is current. */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const input = jsonBody(event, addVariantInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    addVariant(p, newId(), input, now),
  );
  return json(201, change.after, { 'cache-control': 'no-store' });
});
