import { cartOperation } from '../wiring.ts';
import { cartCallerOf, ownedCart, ownershipNote } from './requests.ts';
import { cartResponse, channelProblems, gone, repricedCart, repricedNote } from './responses.ts';

/** GET /carts/{cartId}: the cart repriced from current prices, promotions, stock, shipping and tax. */
export const getCart = cartOperation({
  route: 'GET /carts/{cartId}',
  access: 'optional',
  operationId: 'getCart',
  summary: 'A cart with its totals',
  description: `${repricedNote} A changed price, an archived product or missing stock is a flagged line. ${ownershipNote}`,
  tags: ['carts'],
  request: ownedCart,
  responses: repricedCart,
  problems: { ...channelProblems, 404: [gone] },
  handle: async (input, { carts }) =>
    cartResponse(200, (await carts.read(input.path.cartId, cartCallerOf(input))).cart),
});
