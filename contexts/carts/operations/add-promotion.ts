import { promotionCodeChange } from '../data/lookup-changes.ts';
import { promotionCodeInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** POST /carts/{cartId}/promotions: enters a code (422 `promotion_<reason>` when it cannot be used). */
export const addCartPromotion = cartOperation({
  route: 'POST /carts/{cartId}/promotions',
  access: 'optional',
  operationId: 'addCartPromotion',
  summary: 'Enter a promotion code',
  description:
    'A code that cannot be used by this shopper now is refused with the reason as its code. A code that ' +
    'may apply later (minimum not met, no matching items, a better deal wins) is kept and listed under ' +
    '`promotions.rejected` with the reason.',
  tags: ['carts'],
  request: { ...ownedCart, body: promotionCodeInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: {
    ...channelProblems,
    404: [gone],
    409: closed,
    422: [
      'promotion_code_unknown',
      'promotion_not_started',
      'promotion_expired',
      'promotion_exhausted',
      'promotion_customer_limit_reached',
      'promotion_sign_in_required',
      'promotion_first_order_only',
      'promotion_currency_not_supported',
      'too_many_codes',
    ],
  },
  handle: async (input, { table, carts }) => {
    const change = promotionCodeChange(table, input.body.code);
    return cartResponse(200, (await carts.change(input.path.cartId, cartCallerOf(input), change)).cart);
  },
});
