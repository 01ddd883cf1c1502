import { cartCaller, shippingMethodChange } from '#shared/carts/requests.ts';
import { cartPath, shippingMethodInput } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** PUT /carts/{cartId}/shipping-method: chooses one of the options serving the cart's address. */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { optionId } = jsonBody(event, shippingMethodInput);
  const priced = await carts.change(path.cartId, cartCaller(event), shippingMethodChange(table, optionId));
  return cartResponse(200, priced.cart);
});
