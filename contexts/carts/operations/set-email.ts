import { setEmail } from '../domain/changes.ts';
import { cartEmailInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** PUT /carts/{cartId}/email: the shopper's e-mail for the order (and abandoned-cart reminders). */
export const setCartEmail = cartOperation({
  route: 'PUT /carts/{cartId}/email',
  access: 'optional',
  operationId: 'setCartEmail',
  summary: 'Set the shopper’s e-mail',
  description: 'An open cart with an e-mail left unchanged for the idle time is reported as `CartAbandoned`.',
  tags: ['carts'],
  request: { ...ownedCart, body: cartEmailInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone], 409: closed },
  handle: async (input, { carts }) => {
    const priced = await carts.change(input.path.cartId, cartCallerOf(input), {
      apply: (cart) => setEmail(cart, input.body.email),
    });
    return cartResponse(200, priced.cart);
  },
});
