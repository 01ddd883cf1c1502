import { cartCaller } from '#shared/carts/requests.ts';
import { cartPath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** GET /carts/{cartId}: the cart repriced from current prices, promotions, stock, shipping and tax. */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) =>
  cartResponse(200, (await carts.read(path.cartId, cartCaller(event))).cart),
);
