import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { variantPath, versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { removeVariant } from '#contexts/catalog/domain/variant-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** DELETE /admin/products/{productId}/variants/{variantId}?version=N: removes a variant (frees its SKU). */
export const handler = httpHandler(
  { path: variantPath, query: versionQuery },
  async ({ path, query, event }) => {
    const change = await writer.apply(path.productId, query.version, actorOf(event), (p, now) =>
      removeVariant(p, path.variantId, now),
    );
    return json(200, change.after, { 'cache-control': 'no-store' });
  },
);
