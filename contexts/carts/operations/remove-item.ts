import { removeLine } from '../domain/changes.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedLine } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** DELETE /carts/{cartId}/items/{lineId}: removes a line. */
export const removeCartItem = cartOperation({
  route: 'DELETE /carts/{cartId}/items/{lineId}',
  access: 'optional',
  operationId: 'removeCartItem',
  summary: 'Remove a line',
  tags: ['carts'],
  request: ownedLine,
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone, 'line_not_found'], 409: closed },
  handle: async (input, { carts }) => {
    const { cartId, lineId } = input.path;
    const priced = await carts.change(cartId, cartCallerOf(input), {
      apply: (cart) => removeLine(cart, lineId),
    });
    return cartResponse(200, priced.cart);
  },
});
