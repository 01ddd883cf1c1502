import { setQuantity } from '../domain/changes.ts';
import { updateItemInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedLine } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** PATCH /carts/{cartId}/items/{lineId}: sets a line's quantity. */
export const updateCartItem = cartOperation({
  route: 'PATCH /carts/{cartId}/items/{lineId}',
  access: 'optional',
  operationId: 'updateCartItem',
  summary: 'Set a line’s quantity',
  tags: ['carts'],
  request: { ...ownedLine, body: updateItemInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone, 'line_not_found'], 409: closed },
  handle: async (input, { carts }) => {
    const { cartId, lineId } = input.path;
    const priced = await carts.change(cartId, cartCallerOf(input), {
      apply: (cart) => setQuantity(cart, lineId, input.body.quantity),
    });
    return cartResponse(200, priced.cart);
  },
});
