import { removeLine } from '#contexts/carts/domain/changes.ts';
import { cartLinePath } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** DELETE /carts/{cartId}/items/{lineId}: removes a line. */
export const handler = httpHandler({ path: cartLinePath }, async ({ path, event }) => {
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => removeLine(cart, path.lineId),
  });
  return cartResponse(200, priced.cart);
});
