import {
  channelKeyProblem,
  publishableKeyHeaders,
  varyByChannel,
} from '#contexts/channels/operations/store-headers.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { storeProductIn } from '../domain/channel-view.ts';
import { withEffectivePrices } from '../domain/pricing.ts';
import { storeProductSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { productPath } from './paths.ts';
import { publicFor } from './responses.ts';
import { shownIn } from './store-channel.ts';

/** GET /products/{productId}: an active product with variants, prices and effective (sale) prices (one Query). */
export const getProduct = storeOperation({
  route: 'GET /products/{productId}',
  access: 'public',
  operationId: 'getProduct',
  summary: 'One active product with its variants and prices',
  tags: ['catalog'],
  request: { path: productPath, headers: publishableKeyHeaders },
  responses: { 200: { description: 'The product', schema: storeProductSchema } },
  problems: { ...channelKeyProblem, 404: ['product_not_found'] },
  handle: async ({ path, event }, { products, channels }) => {
    const [product, channel] = await Promise.all([
      products.get(path.productId),
      channels.fromHeaders(event.headers),
    ]);
    // Drafts, archived products and those outside the key's channel are invisible: same answer as a missing one.
    if (!shownIn(product, channel))
      throw new NotFoundError(`Product ${path.productId} does not exist`, 'product_not_found');
    const page = storeProductIn(withEffectivePrices(product, new Date()), channel.currencies);
    return json(200, page, { ...publicFor(30), ...varyByChannel });
  },
});
