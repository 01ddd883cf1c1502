import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { updateVariantInput, variantPath } from '#contexts/catalog/domain/admin-inputs.ts';
import { updateVariant } from '#contexts/catalog/domain/variant-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** PATCH /admin/products/{productId}/variants/{variantId}: SKU, options, prices…; prices emit PriceChanged. */
export const handler = httpHandler({ path: variantPath }, async ({ path, event }) => {
  const input = jsonBody(event, updateVariantInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    updateVariant(p, path.variantId, input, now),
  );
  return json(200, change.after, { 'cache-control': 'no-store' });
});
