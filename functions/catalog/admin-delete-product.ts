import { versionQuery } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { deleteProduct } from '#shared/catalog/product-rules.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** DELETE /admin/products/{productId}?version=N: deletes a draft or archived product and its variants. */
export const handler = httpHandler(
  { path: productPath, query: versionQuery },
  async ({ path, query, event }) => {
    await writer.apply(path.productId, query.version, actorOf(event), deleteProduct);
    return { statusCode: 204 };
  },
);
