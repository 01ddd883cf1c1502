import { shippingMethodChange } from '../data/lookup-changes.ts';
import { shippingMethodInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** PUT /carts/{cartId}/shipping-method: chooses one of the options serving the cart's address. */
export const setCartShippingMethod = cartOperation({
  route: 'PUT /carts/{cartId}/shipping-method',
  access: 'optional',
  operationId: 'setCartShippingMethod',
  summary: 'Choose a shipping option',
  tags: ['carts'],
  request: { ...ownedCart, body: shippingMethodInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: {
    ...channelProblems,
    404: [gone, 'shipping_option_not_found'],
    409: closed,
    422: ['shipping_address_required', 'shipping_option_unavailable'],
  },
  handle: async (input, { table, carts }) => {
    const change = shippingMethodChange(table, input.body.optionId);
    return cartResponse(200, (await carts.change(input.path.cartId, cartCallerOf(input), change)).cart);
  },
});
