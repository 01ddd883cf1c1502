import { setEmail } from '#shared/carts/changes.ts';
import { cartCaller } from '#shared/carts/requests.ts';
import { cartEmailInput, cartPath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PUT /carts/{cartId}/email: the shopper's e-mail for the order (and abandoned-cart reminders). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { email } = jsonBody(event, cartEmailInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setEmail(cart, email),
  });
  return cartResponse(200, priced.cart);
});
