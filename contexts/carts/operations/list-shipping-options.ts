import { engineShippingOption } from '#contexts/pricing/data/shipping-items.ts';
import { quoteShipping, shippingQuotesSchema } from '../domain/shipping-quotes.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart } from './requests.ts';
import { cartResponse, channelProblems, gone } from './responses.ts';

/** GET /carts/{cartId}/shipping-options: the options for the cart's destination, each quoted for it. */
export const listCartShippingOptions = cartOperation({
  route: 'GET /carts/{cartId}/shipping-options',
  access: 'optional',
  operationId: 'listCartShippingOptions',
  summary: 'Shipping options for the cart, each quoted',
  description:
    'Options serving the destination (the shipping address, else the store’s home country) in the cart’s ' +
    'currency, each priced with the whole cart: free thresholds, weight bands and promotions apply.',
  tags: ['carts'],
  request: ownedCart,
  responses: { 200: { description: 'The quotes', schema: shippingQuotesSchema } },
  problems: { ...channelProblems, 404: [gone] },
  handle: async (input, { carts, shippingOptions }) => {
    const now = new Date();
    const [{ record, snapshot }, all] = await Promise.all([
      carts.snapshotFor(input.path.cartId, cartCallerOf(input), now),
      shippingOptions.list(),
    ]);
    return cartResponse(200, quoteShipping(record, snapshot, all.map(engineShippingOption), now));
  },
});
