import { setShippingAddress } from '#shared/carts/changes.ts';
import { cartCaller } from '#shared/carts/requests.ts';
import { cartPath, shippingAddressInput } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PUT /carts/{cartId}/shipping-address: where the goods go (decides tax and the shipping options). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 4 * 1024 }, async ({ path, event }) => {
  const address = jsonBody(event, shippingAddressInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setShippingAddress(cart, address),
  });
  return cartResponse(200, priced.cart);
});
