import { publishableKeyHeaders } from '#contexts/channels/operations/store-headers.ts';
import { json } from '#platform/http/response.ts';
import { createCartInput, createdCartSchema } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf } from './requests.ts';
import { cartHeaders } from './responses.ts';

/** POST /carts: a guest cart (its token in the answer, shown once) or, with a customer token, the customer's. */
export const createCart = cartOperation({
  route: 'POST /carts',
  access: 'optional',
  operationId: 'createCart',
  summary: 'Start a cart',
  description:
    'Without a token: a guest cart, answered with `token` (shown once; only its hash is stored) and kept ' +
    '7 days after its last change. With a customer token: the customer’s cart, kept 30 days. The cart ' +
    'belongs to the channel of `x-publishable-api-key` (none: the default channel), in a currency it sells.',
  tags: ['carts'],
  request: { body: createCartInput, headers: publishableKeyHeaders, bodyLimitBytes: 2 * 1024 },
  responses: { 201: { description: 'The new cart', schema: createdCartSchema } },
  problems: { 401: ['invalid_publishable_key'], 422: ['currency_not_in_channel'] },
  handle: async (input, { carts }) => {
    const created = await carts.create(input.body, cartCallerOf(input));
    return json(
      201,
      { ...created.cart, token: created.token },
      { ...cartHeaders, location: `/carts/${created.cart.id}` },
    );
  },
});
