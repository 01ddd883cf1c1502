import { createCartInput } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { cartHeaders, cartService } from '#contexts/carts/operations/responses.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

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
