import { setQuantity } from '#contexts/carts/domain/changes.ts';
import { cartLinePath, updateItemInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PATCH /carts/{cartId}/items/{lineId}: sets a line's quantity. */
export const handler = httpHandler({ path: cartLinePath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { quantity } = jsonBody(event, updateItemInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setQuantity(cart, path.lineId, quantity),
  });
  return cartResponse(200, priced.cart);
});
