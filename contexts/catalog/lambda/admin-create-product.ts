import { newId, ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { createProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { createProduct } from '#contexts/catalog/domain/product-rules.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const writer = new ProductWriter(requireEnv('TABLE_NAME'));

/** POST /admin/products: a new draft product with its variants (1 TransactWriteItems). */
export const handler = httpHandler({}, async ({ event }) => {
  const input = jsonBody(event, createProductInput);
  const change = createProduct(newId(), input, input.variants.map(newId), new Date());
  await writer.commit(change, actorOf(event));
  const product = change.after!;
  return json(201, product, { location: `/admin/products/${product.id}`, 'cache-control': 'no-store' });
});
