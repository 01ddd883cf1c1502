import type { ContextDef } from '#platform/definition/types.ts';
import { cartKeyPrefixes } from './data/keys.ts';
import { cartEvents } from './events.ts';
import { cartOperations } from './operations/contract.ts';

/** Guest and customer carts, repriced on every read; codes, shipping, claim and abandoned-cart reports (docs/cart.md). */
export const cartsContext = {
  name: 'carts',
  description:
    'Guest and customer carts, repriced on every read; codes, shipping, claim and abandoned-cart reports (docs/cart.md).',
  keyPrefixes: cartKeyPrefixes,
  events: cartEvents,
  tags: [
    {
      name: 'carts',
      description: 'Carts for guests and customers: lines, shipping, codes and server-side totals',
    },
  ],
  contract: [...cartOperations],
  functions: {
    createCart: {
      entry: 'contexts/carts/lambda/create-cart.ts',
      description: 'Store: start a cart (a guest gets its token once)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    getCart: {
      entry: 'contexts/carts/lambda/get-cart.ts',
      description: 'Store: a cart repriced from current data',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    addCartItem: {
      entry: 'contexts/carts/lambda/add-item.ts',
      description: 'Store: add units of a variant to a cart',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    updateCartItem: {
      entry: 'contexts/carts/lambda/update-item.ts',
      description: "Store: set a cart line's quantity",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    removeCartItem: {
      entry: 'contexts/carts/lambda/remove-item.ts',
      description: 'Store: remove a cart line',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    setCartEmail: {
      entry: 'contexts/carts/lambda/set-email.ts',
      description: "Store: set a cart's e-mail",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    setCartShippingAddress: {
      entry: 'contexts/carts/lambda/set-shipping-address.ts',
      description: "Store: set a cart's shipping address",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    listCartShippingOptions: {
      entry: 'contexts/carts/lambda/list-shipping-options.ts',
      description: 'Store: shipping options for a cart, each quoted',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    setCartShippingMethod: {
      entry: 'contexts/carts/lambda/set-shipping-method.ts',
      description: "Store: choose a cart's shipping option",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    addCartPromotion: {
      entry: 'contexts/carts/lambda/add-promotion.ts',
      description: 'Store: enter a promotion code',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    removeCartPromotion: {
      entry: 'contexts/carts/lambda/remove-promotion.ts',
      description: 'Store: remove a promotion code',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    claimCart: {
      entry: 'contexts/carts/lambda/claim-cart.ts',
      description: 'Store: a signed-in customer takes over a guest cart',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    abandonedCarts: {
      // Not routed: the abandoned-cart sweep, run by the `abandonedCarts` schedule.
      entry: 'contexts/carts/lambda/abandoned-carts.ts',
      description: 'Reports open carts with an e-mail left idle (CartAbandoned) for marketing automation',
      memoryMb: 512,
      timeoutSeconds: 60,
      uses: { table: 'readWrite' },
      // A cart untouched this long counts as abandoned (one event per idle spell; a change re-arms it).
      environment: { ABANDONED_CART_IDLE_MINUTES: '60' },
    },
  },
  routes: [
    { method: 'POST', path: '/carts', function: 'createCart', access: 'optional' },
    { method: 'GET', path: '/carts/{cartId}', function: 'getCart', access: 'optional' },
    { method: 'POST', path: '/carts/{cartId}/items', function: 'addCartItem', access: 'optional' },
    {
      method: 'PATCH',
      path: '/carts/{cartId}/items/{lineId}',
      function: 'updateCartItem',
      access: 'optional',
    },
    {
      method: 'DELETE',
      path: '/carts/{cartId}/items/{lineId}',
      function: 'removeCartItem',
      access: 'optional',
    },
    { method: 'PUT', path: '/carts/{cartId}/email', function: 'setCartEmail', access: 'optional' },
    {
      method: 'PUT',
      path: '/carts/{cartId}/shipping-address',
      function: 'setCartShippingAddress',
      access: 'optional',
    },
    {
      method: 'GET',
      path: '/carts/{cartId}/shipping-options',
      function: 'listCartShippingOptions',
      access: 'optional',
    },
    {
      method: 'PUT',
      path: '/carts/{cartId}/shipping-method',
      function: 'setCartShippingMethod',
      access: 'optional',
    },
    { method: 'POST', path: '/carts/{cartId}/promotions', function: 'addCartPromotion', access: 'optional' },
    {
      method: 'DELETE',
      path: '/carts/{cartId}/promotions',
      function: 'removeCartPromotion',
      access: 'optional',
    },
    { method: 'POST', path: '/carts/{cartId}/claim', function: 'claimCart', access: 'customer' },
  ],
  schedules: {
    abandonedCarts: {
      description: 'Reports carts with an e-mail idle past ABANDONED_CART_IDLE_MINUTES (CartAbandoned)',
      rate: 'rate(5 minutes)',
      function: 'abandonedCarts',
    },
  },
} satisfies ContextDef;
