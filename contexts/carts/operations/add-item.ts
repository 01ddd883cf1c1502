import { addItemChange } from '../data/lookup-changes.ts';
import { addItemInput } from '../domain/schemas.ts';
import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart, ownershipNote } from './requests.ts';
import { cartResponse, channelProblems, closed, gone, repricedCart } from './responses.ts';

/** POST /carts/{cartId}/items: adds units of a variant (two DynamoDB round trips, answered repriced). */
export const addCartItem = cartOperation({
  route: 'POST /carts/{cartId}/items',
  access: 'optional',
  operationId: 'addCartItem',
  summary: 'Add units of a variant',
  description: `Adding a variant already in the cart adds to its line. ${ownershipNote}`,
  tags: ['carts'],
  request: { ...ownedCart, body: addItemInput, bodyLimitBytes: 1024 },
  responses: repricedCart,
  problems: {
    ...channelProblems,
    404: [gone, 'variant_not_found'],
    409: closed,
    422: ['variant_unavailable', 'currency_not_priced', 'cart_full', 'product_not_in_channel'],
  },
  handle: async (input, { table, carts }) => {
    const change = addItemChange(table, input.body);
    return cartResponse(200, (await carts.change(input.path.cartId, cartCallerOf(input), change)).cart);
  },
});
