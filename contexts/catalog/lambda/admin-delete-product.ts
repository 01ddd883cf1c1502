import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { deleteProduct } from '#contexts/catalog/domain/product-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** DELETE /admin/products/{productId}?version=N: deletes a draft or archived product and its variants. */
export const handler = httpHandler(
  { path: productPath, query: versionQuery },
  async ({ path, query, event }) => {
    await writer.apply(path.productId, query.version, actorOf(event), deleteProduct);
    return { statusCode: 204 };
  },
);
