import { setShippingAddress } from '../domain/changes.ts';
import { shippingAddressInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** PUT /carts/{cartId}/shipping-address: where the goods go (decides tax and the shipping options). */
export const setCartShippingAddress = cartOperation({
  route: 'PUT /carts/{cartId}/shipping-address',
  access: 'optional',
  operationId: 'setCartShippingAddress',
  summary: 'Set the shipping address',
  description:
    'The destination decides tax and shipping. A `region` that is a state code (`CA`) selects that state’s tax.',
  tags: ['carts'],
  request: { ...ownedCart, body: shippingAddressInput, bodyLimitBytes: 4 * 1024 },
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone], 409: closed },
  handle: async (input, { carts }) => {
    const priced = await carts.change(input.path.cartId, cartCallerOf(input), {
      apply: (cart) => setShippingAddress(cart, input.body),
    });
    return cartResponse(200, priced.cart);
  },
});
