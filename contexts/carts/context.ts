import type { ContextDef } from '#platform/definition/types.ts';
import { cartKeyPrefixes } from './data/keys.ts';
import { cartEvents } from './events.ts';
import { storeOperations } from './operations/store.ts';

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
  functions: {
    carts: {
      entry: 'contexts/carts/lambda/store.ts',
      description: 'Store: carts for guests and customers (lines, e-mail, shipping, codes, claim), repriced',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
      // Failed promotion codes a cart may try per window before it answers 429 (brute force; docs/cart.md).
      environment: { PROMOTION_CODE_ATTEMPTS: '10', PROMOTION_CODE_ATTEMPT_WINDOW_MINUTES: '15' },
      operations: storeOperations,
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
  schedules: {
    abandonedCarts: {
      description: 'Reports carts with an e-mail idle past ABANDONED_CART_IDLE_MINUTES (CartAbandoned)',
      rate: 'rate(5 minutes)',
      function: 'abandonedCarts',
    },
  },
} satisfies ContextDef;
