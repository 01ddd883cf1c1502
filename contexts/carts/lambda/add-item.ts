import { addItemInput, cartPath } from '#contexts/carts/domain/schemas.ts';
import { addItemChange, cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartResponse, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';

const table = requireEnv('TABLE_NAME');
const carts = cartService(table);

/** POST /carts/{cartId}/items: adds units of a variant (two DynamoDB round trips, answered repriced). */
export const handler = httpHandler({ path: cartPath, bodyLimitBytes: 1024 }, async ({ path, event }) => {
  const change = addItemChange(table, jsonBody(event, addItemInput));
  return cartResponse(200, (await carts.change(path.cartId, cartCaller(event), change)).cart);
});
