import { z } from 'zod';
import { defineOperations } from '#platform/contract/operation.ts';

/** The header Stripe signs each delivery with: `t=<timestamp>,v1=<hex HMAC-SHA256>[,v1=…]`. */
const stripeSignature = z.object({
  'stripe-signature': z
    .string()
    .max(2048)
    .meta({ description: 'Stripe’s signature of the raw body', example: 't=1700000000,v1=5257a869e7…' }),
});

const webhookAck = z.object({
  received: z.literal(true),
  effect: z.enum(['recorded', 'duplicate', 'superseded', 'ignored']).meta({
    description:
      '`recorded`: the order’s payment result was written; `duplicate`: this event id was handled before; ' +
      '`superseded`: a later outcome is already recorded; `ignored`: an event type or payment this ' +
      'backend does not act on.',
  }),
});

/** Stripe → backend. */
export const paymentOperations = defineOperations([
  {
    route: 'POST /webhooks/stripe',
    operationId: 'receiveStripeWebhook',
    summary: 'Stripe webhook endpoint',
    description:
      'Called by Stripe only. The signature is verified on the raw body with the webhook secret (5-minute ' +
      'tolerance) before anything else; each event id takes effect once. Handles ' +
      '`payment_intent.succeeded`, `payment_intent.payment_failed`, `payment_intent.canceled` and ' +
      '`charge.refunded` for PaymentIntents created for an order; answers 200 to everything else. The body ' +
      'is a Stripe Event (https://docs.stripe.com/api/events/object), exactly as Stripe sent it.',
    tags: ['payments'],
    // The body is Stripe's Event object, whose fields Stripe adds to over time: it is not declared as a
    // (closed) request body here; the handler reads it only after verifying the signature.
    request: { headers: stripeSignature },
    responses: { 200: { description: 'Received (see `effect`)', schema: webhookAck } },
    problems: { 400: ['invalid_signature'] },
  },
]);
