import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  createRefund,
  type Operation,
  retrieveCharge,
  retrievePaymentIntent,
  retrieveRefund,
} from './operations.ts';

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly operation: Operation;
}

// Ids are Stripe's: a prefix, an underscore and base-62 characters.
const ID = '([A-Za-z0-9_]{1,255})';

const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, operation: createPaymentIntent },
  { method: 'GET', pattern: new RegExp(`^/v1/payment_intents/${ID}$`), operation: retrievePaymentIntent },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/payment_intents/${ID}/confirm$`),
    operation: confirmPaymentIntent,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`),
    operation: cancelPaymentIntent,
  },
  { method: 'GET', pattern: new RegExp(`^/v1/charges/${ID}$`), operation: retrieveCharge },
  { method: 'POST', pattern: /^\/v1\/refunds$/, operation: createRefund },
  { method: 'GET', pattern: new RegExp(`^/v1/refunds/${ID}$`), operation: retrieveRefund },
];

/** The operation for a method and path, with the path's id; undefined when Stripe has no such URL. */
export const match = (method: string, path: string): { operation: Operation; id: string } | undefined => {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found) return { operation: route.operation, id: found[1] ?? '' };
  }
  return undefined;
};
