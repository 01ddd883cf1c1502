import { setShippingAddress } from '#contexts/carts/domain/changes.ts';
import { cartPath, shippingAddressInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PUT /carts/{cartId}/shipping-address: where the goods go (decides tax and the shipping options). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 4 * 1024 }, async ({ path, event }) => {
  const address = jsonBody(event, shippingAddressInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setShippingAddress(cart, address),
  });
  return cartResponse(200, priced.cart);
});
