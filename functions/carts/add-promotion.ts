import { cartCaller, promotionCodeChange } from '#shared/carts/requests.ts';
import { cartPath, promotionCodeInput } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** POST /carts/{cartId}/promotions: enters a code (422 `promotion_<reason>` when it cannot be used). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const { code } = jsonBody(event, promotionCodeInput);
  const priced = await carts.change(path.cartId, cartCaller(event), promotionCodeChange(table, code));
  return cartResponse(200, priced.cart);
});
