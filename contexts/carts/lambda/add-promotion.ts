import { cartPath, promotionCodeInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller, promotionCodeChange } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** POST /carts/{cartId}/promotions: enters a code (422 `promotion_<reason>` when it cannot be used). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { code } = jsonBody(event, promotionCodeInput);
  const priced = await carts.change(path.cartId, cartCaller(event), promotionCodeChange(table, code));
  return cartResponse(200, priced.cart);
});
