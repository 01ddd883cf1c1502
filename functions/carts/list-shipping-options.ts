import { cartCaller } from '#shared/carts/requests.ts';
import { cartPath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { quoteShipping } from '#shared/carts/shipping-quotes.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { engineShippingOption } from '#shared/shipping/items.ts';
import { ShippingOptionRepository } from '#shared/shipping/repository.ts';

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
