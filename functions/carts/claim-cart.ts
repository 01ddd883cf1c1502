import { cartCaller } from '#shared/carts/requests.ts';
import { cartPath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { UnauthorizedError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** POST /carts/{cartId}/claim: the signed-in customer takes over a guest cart (merged into theirs if any). */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) => {
  const caller = cartCaller(event);
  if (!caller.customerId) throw new UnauthorizedError();
  const priced = await carts.claim(path.cartId, caller.customerId, caller.token);
  return cartResponse(200, priced.cart);
});
