import { cartPath } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { UnauthorizedError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** POST /carts/{cartId}/claim: the signed-in customer takes over a guest cart (merged into theirs if any). */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) => {
  const caller = cartCaller(event);
  if (!caller.customerId) throw new UnauthorizedError();
  const priced = await carts.claim(path.cartId, caller.customerId, caller.token);
  return cartResponse(200, priced.cart);
});
