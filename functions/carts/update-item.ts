import { setQuantity } from '#shared/carts/changes.ts';
import { cartCaller } from '#shared/carts/requests.ts';
import { cartLinePath, updateItemInput } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PATCH /carts/{cartId}/items/{lineId}: sets a line's quantity. */
export const handler = httpHandler({ path: cartLinePath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { quantity } = jsonBody(event, updateItemInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setQuantity(cart, path.lineId, quantity),
  });
  return cartResponse(200, priced.cart);
});
