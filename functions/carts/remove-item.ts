import { removeLine } from '#shared/carts/changes.ts';
import { cartCaller } from '#shared/carts/requests.ts';
import { cartLinePath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** DELETE /carts/{cartId}/items/{lineId}: removes a line. */
export const handler = httpHandler({ path: cartLinePath }, async ({ path, event }) => {
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => removeLine(cart, path.lineId),
  });
  return cartResponse(200, priced.cart);
});
