import { cartPath, shippingMethodInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller, shippingMethodChange } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** PUT /carts/{cartId}/shipping-method: chooses one of the options serving the cart's address. */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { optionId } = jsonBody(event, shippingMethodInput);
  const priced = await carts.change(path.cartId, cartCaller(event), shippingMethodChange(table, optionId));
  return cartResponse(200, priced.cart);
});
