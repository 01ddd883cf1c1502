import { variantPath, versionQuery } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { removeVariant } from '#shared/catalog/variant-rules.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

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
