import { removeCode } from '#contexts/carts/domain/changes.ts';
import { cartPath, promotionCodeInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** DELETE /carts/{cartId}/promotions: removes an entered code. */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { code } = jsonBody(event, promotionCodeInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => removeCode(cart, code),
  });
  return cartResponse(200, priced.cart);
});
