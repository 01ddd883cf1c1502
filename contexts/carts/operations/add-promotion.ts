import { promotionCodeChange } from '../data/lookup-changes.ts';
import { promotionCodeInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/**
 * POST /carts/{cartId}/promotions: enters a code (422 `promotion_<reason>` when it cannot be used; 429
 * after too many refused codes on the cart).
 */
export const addCartPromotion = cartOperation({
  route: 'POST /carts/{cartId}/promotions',
  access: 'optional',
  operationId: 'addCartPromotion',
  summary: 'Enter a promotion code',
  description:
    'A code that matches nothing, has not started, has ended or is used up is refused as ' +
    '`promotion_code_unknown`, all four alike. A live code this shopper cannot use is refused with the ' +
    'reason as its code. A code that may apply later (minimum not met, no matching items, a better deal ' +
    'wins) is kept and listed under `promotions.rejected` with the reason. After too many refused codes on ' +
    'one cart (10 per 15 minutes by default) further codes answer 429 `promotion_attempts_exceeded` with ' +
    '`Retry-After`, whether they are good or not.',
  tags: ['carts'],
  request: { ...ownedCart, body: promotionCodeInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: {
    ...channelProblems,
    404: [gone],
    409: closed,
    422: [
      'promotion_code_unknown',
      'promotion_customer_limit_reached',
      'promotion_sign_in_required',
      'promotion_first_order_only',
      'promotion_currency_not_supported',
      'too_many_codes',
    ],
    429: ['promotion_attempts_exceeded'],
  },
  handle: async (input, { table, carts, codeAttempts }) => {
    const now = new Date();
    const target = { cartId: input.path.cartId, code: input.body.code };
    const change = promotionCodeChange(table, target, codeAttempts, now);
    return cartResponse(200, (await carts.change(input.path.cartId, cartCallerOf(input), change, now)).cart);
  },
});
