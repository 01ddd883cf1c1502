import { cartSchema } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, closed, gone } from './responses.ts';

/** POST /carts/{cartId}/claim: the signed-in customer takes over a guest cart (merged into theirs if any). */
export const claimCart = cartOperation({
  route: 'POST /carts/{cartId}/claim',
  access: 'customer',
  operationId: 'claimCart',
  summary: 'Take over a guest cart after signing in',
  description:
    'Send the customer token and the guest cart’s `X-Cart-Token`. The guest cart is merged into the ' +
    'customer’s most recent open cart in the same currency and channel (quantities added; the guest cart closes as ' +
    '`merged`), or becomes the customer’s when they have none. Answers the customer’s cart.',
  tags: ['carts'],
  request: ownedCart,
  responses: { 200: { description: 'The customer’s cart', schema: cartSchema } },
  problems: { ...channelProblems, 404: [gone], 409: closed, 422: ['cart_full'] },
  handle: async (input, { carts }) => {
    const { token, publishableKey } = cartCallerOf(input);
    const priced = await carts.claim(input.path.cartId, input.caller.sub, token, new Date(), publishableKey);
    return cartResponse(200, priced.cart);
  },
});
