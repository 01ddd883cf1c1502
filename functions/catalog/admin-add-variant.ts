import { addVariantInput } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { newId, ProductWriter } from '#shared/catalog/product-writer.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { addVariant } from '#shared/catalog/variant-rules.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products/{productId}/variants: adds a variant (new SKU) if `version` is current. */
export const handler = httpHandler({ path: productPath }, async ({ path, event }) => {
  const input = jsonBody(event, addVariantInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    addVariant(p, newId(), input, now),
  );
  return json(201, change.after, { 'cache-control': 'no-store' });
});
