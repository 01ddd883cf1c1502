import { cartCaller } from '#shared/carts/requests.ts';
import { createCartInput } from '#shared/carts/schemas.ts';
import { cartHeaders, cartService } from '#shared/carts/services.ts';
import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const carts = cartService(requireEnv('TABLE_NAME'));

/** POST /carts: a guest cart (its token in the answer, shown once) or, with a customer token, the customer's. */
export const handler = httpHandler({ bodyLimitBytes: 2 * 1024 }, async ({ event }) => {
  const created = await carts.create(jsonBody(event, createCartInput), cartCaller(event));
  return json(
    201,
    { ...created.cart, token: created.token },
    { ...cartHeaders, location: `/carts/${created.cart.id}` },
  );
});
