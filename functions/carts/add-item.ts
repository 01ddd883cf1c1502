import { addItemChange, cartCaller } from '#shared/carts/requests.ts';
import { addItemInput, cartPath } from '#shared/carts/schemas.ts';
import { cartResponse, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** POST /carts/{cartId}/items: adds units of a variant (two DynamoDB round trips, answered repriced). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const change = addItemChange(table, jsonBody(event, addItemInput));
  return cartResponse(200, (await carts.change(path.cartId, cartCaller(event), change)).cart);
});
