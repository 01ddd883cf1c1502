import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { setSalePricesInput, variantPath } from '#contexts/catalog/domain/admin-inputs.ts';
import { setSalePrices } from '#contexts/catalog/domain/variant-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** PUT /admin/products/{productId}/variants/{variantId}/sale-prices: replaces the variant's price-list entries. */
export const handler = httpHandler({ path: variantPath }, async ({ path, event }) => {
  const input = jsonBody(event, setSalePricesInput);
  const change = await writer.apply(path.productId, input.version, actorOf(event), (p, now) =>
    setSalePrices(p, path.variantId, input, now),
  );
  return json(200, change.after, { 'cache-control': 'no-store' });
});
