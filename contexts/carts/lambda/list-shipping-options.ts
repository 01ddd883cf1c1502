import { cartPath } from '#contexts/carts/domain/schemas.ts';
import { quoteShipping } from '#contexts/carts/domain/shipping-quotes.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { engineShippingOption } from '#contexts/pricing/data/shipping-items.ts';
import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);
const options = new ShippingOptionRepository(table);

/** GET /carts/{cartId}/shipping-options: the options for the cart's destination, each quoted for it. */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) => {
  const now = new Date();
  const [{ record, snapshot }, all] = await Promise.all([
    carts.snapshotFor(path.cartId, cartCaller(event), now),
    options.list(),
  ]);
  return cartResponse(200, quoteShipping(record, snapshot, all.map(engineShippingOption), now));
});
