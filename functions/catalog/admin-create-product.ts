import { createProductInput } from '#shared/catalog/admin-inputs.ts';
import { actorOf } from '#shared/catalog/admin-request.ts';
import { createProduct } from '#shared/catalog/product-rules.ts';
import { newId, ProductWriter } from '#shared/catalog/product-writer.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products: a new draft product with its variants (1 TransactWriteItems). */
export const handler = httpHandler({}, async ({ event }) => {
  const input = jsonBody(event, createProductInput);
  const change = createProduct(newId(), input, input.variants.map(newId), new Date());
  await writer.commit(change, actorOf(event));
  const product = change.after!;
  return json(201, product, { location: `/admin/products/${product.id}`, 'cache-control': 'no-store' });
});
