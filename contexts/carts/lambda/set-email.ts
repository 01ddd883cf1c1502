import { setEmail } from '#contexts/carts/domain/changes.ts';
import { cartEmailInput, cartPath } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** PUT /carts/{cartId}/email: the shopper's e-mail for the order (and abandoned-cart reminders). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { email } = jsonBody(event, cartEmailInput);
  const priced = await carts.change(path.cartId, cartCaller(event), {
    apply: (cart) => setEmail(cart, email),
  });
  return cartResponse(200, priced.cart);
});
