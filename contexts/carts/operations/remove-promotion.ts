import { removeCode } from '../domain/changes.ts';
import { promotionCodeInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** DELETE /carts/{cartId}/promotions: removes an entered code. */
export const removeCartPromotion = cartOperation({
  route: 'DELETE /carts/{cartId}/promotions',
  access: 'optional',
  operationId: 'removeCartPromotion',
  summary: 'Remove a promotion code',
  tags: ['carts'],
  request: { ...ownedCart, body: promotionCodeInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone, 'promotion_code_not_in_cart'], 409: closed },
  handle: async (input, { carts }) => {
    const priced = await carts.change(input.path.cartId, cartCallerOf(input), {
      apply: (cart) => removeCode(cart, input.body.code),
    });
    return cartResponse(200, priced.cart);
  },
});
