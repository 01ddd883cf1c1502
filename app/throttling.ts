import type { ThrottlingDef } from '#platform/definition/throttling.ts';

/**
 * How many requests each route takes (a token bucket per route in API Gateway: `rateLimit` a second,
 * `burstLimit` at once). A route falls in a group by its access and method; only exceptions are named.
 * These are a typical shop's figures; a stage lifts or lowers a group with `-c throttle=` (docs/deploy.md).
 */
export const throttling: ThrottlingDef = {
  groups: {
    // Browsing: product pages, listings, a cart or order being looked at. Cheap reads, the bulk of traffic.
    storeRead: { rateLimit: 500, burstLimit: 1000 },
    // Cart changes, order cancellations and returns by shoppers: each writes the table.
    storeWrite: { rateLimit: 200, burstLimit: 400 },
    // Starting a checkout holds stock and creates a PaymentIntent: the costliest shopper call.
    checkout: { rateLimit: 50, burstLimit: 100 },
    // Signed-in customers' profile, addresses and order history.
    account: { rateLimit: 100, burstLimit: 200 },
    // Staff and back-office integrations (imports, stock feeds): few callers.
    admin: { rateLimit: 50, burstLimit: 100 },
    // Stripe's payment outcomes, apart from every shopper route so that no flood delays a payment.
    stripeWebhook: { rateLimit: 100, burstLimit: 200 },
    // Health checks and the API reference: monitors and developers, never shoppers.
    reference: { rateLimit: 20, burstLimit: 40 },
  },
  byAccess: {
    public: { read: 'storeRead', write: 'storeWrite' },
    optional: { read: 'storeRead', write: 'storeWrite' },
    customer: { read: 'account', write: 'account' },
    admin: { read: 'admin', write: 'admin' },
  },
  routes: {
    'POST /carts/{cartId}/checkout': 'checkout',
    'POST /webhooks/stripe': 'stripeWebhook',
    // Catches browsers' CORS preflights for every route (and unknown paths): as busy as the storefront.
    $default: 'storeRead',
    'GET /health': 'reference',
    'GET /openapi.json': 'reference',
    'GET /events/schemas': 'reference',
    'GET /docs': 'reference',
    'GET /docs/{asset}': 'reference',
  },
  reservedFor: ['stripeWebhook'],
};
