import { setSalePricesInput, variantPath } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { setSalePrices } from '#shared/catalog/variant-rules.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** PUT /admin/products/{productId}/variants/{variantId}/sale-prices: replaces the variant's price-list entries. */
export const handler = httpHandler({ path: variantPath }, async ({ path, event }) => {
  const input = jsonBody(event, setSalePricesInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    setSalePrices(p, path.variantId, input, now),
  );
  return json(200, change.after, { 'cache-control': 'no-store' });
});
