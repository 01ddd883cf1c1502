import { throttling } from '#app/throttling.ts';
import { cartsContext } from '#contexts/carts/context.ts';
import { catalogContext } from '#contexts/catalog/context.ts';
import { channelsContext } from '#contexts/channels/context.ts';
import { checkoutContext } from '#contexts/checkout/context.ts';
import { customersContext } from '#contexts/customers/context.ts';
import { fulfillmentContext } from '#contexts/fulfillment/context.ts';
import { inventoryContext } from '#contexts/inventory/context.ts';
import { notificationsContext } from '#contexts/notifications/context.ts';
import { ordersContext } from '#contexts/orders/context.ts';
import { paymentsContext } from '#contexts/payments/context.ts';
import { pricingContext } from '#contexts/pricing/context.ts';
import { systemContext } from '#contexts/system/context.ts';
import { webhooksContext } from '#contexts/webhooks/context.ts';
import { platformKeyPrefixes } from '#platform/data/keys.ts';
import { composeApp } from '#platform/definition/compose.ts';

/**
 * The application: the single table, CORS, secrets, and the contexts that make it up. A context declares
 * its own functions, operations, rules, queues, pipes, schedules, workflows and events in its
 * `contexts/<context>/context.ts`; adding an endpoint is one operation file there. Both clouds serve
 * exactly this composed object.
 */
export const app = composeApp(
  {
    name: 'commerce',

    table: {
      partitionKey: 'pk',
      sortKey: 'sk',
      gsis: [
        { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
        { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
      ],
      ttlAttribute: 'expiresAt',
      stream: 'NEW_AND_OLD_IMAGES',
    },

    // Random values the stack generates at deploy time (locally: per data directory).
    secrets: {
      cursorKey: { description: 'Signs pagination cursors (HMAC), so a client cannot forge one' },
      orderTokenKey: { description: 'Derives guest order tokens (HMAC of the order id)' },
    },

    // Secrets whose values ops put in (AWS Secrets Manager; locally served by local/secretsmanager).
    externalSecrets: {
      stripe: {
        description: 'Stripe API keys and webhook signing secret (docs/payments.md)',
        fields: ['secretKey', 'publishableKey', 'webhookSecret'],
      },
    },

    // Browsers on other origins (a storefront) may call the API. Tokens travel in `Authorization`, never
    // in cookies, so credentials stay off and any origin is safe here; the CDK stack narrows the origins
    // per stage (`-c corsOrigins=`). A preflight is caught by `$default` (public: 204).
    cors: {
      allowOrigins: ['*'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      // `stripe-signature` is absent on purpose: Stripe calls the webhook server to server.
      allowHeaders: [
        'authorization',
        'content-type',
        'idempotency-key',
        'x-cart-token',
        'x-order-token',
        'x-publishable-api-key',
      ],
      exposeHeaders: ['location', 'idempotent-replayed', 'retry-after'],
      maxAgeSeconds: 600,
    },

    // A token bucket per route, the Stripe webhook in its own group (app/throttling.ts).
    throttling,
  },
  [
    systemContext,
    catalogContext,
    channelsContext,
    customersContext,
    pricingContext,
    inventoryContext,
    cartsContext,
    checkoutContext,
    paymentsContext,
    ordersContext,
    fulfillmentContext,
    notificationsContext,
    webhooksContext,
  ],
  { keyPrefixes: platformKeyPrefixes },
);
