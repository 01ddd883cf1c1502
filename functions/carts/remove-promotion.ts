import { removeCode } from '#shared/carts/changes.ts';
import { cartCaller } from '#shared/carts/requests.ts';
import { cartPath, promotionCodeInput } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** DELETE /carts/{cartId}/promotions: removes an entered code. */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { code } = jsonBody(event, promotionCodeInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => removeCode(cart, code),
  });
  return cartResponse(200, priced.cart);
});
