import { cartPath } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** GET /carts/{cartId}: the cart repriced from current prices, promotions, stock, shipping and tax. */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) =>
  cartResponse(200, (await carts.read(path.cartId, cartCaller(event))).cart),
);
