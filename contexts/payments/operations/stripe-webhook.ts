import { z } from 'zod';
import { followRefund, refundUnclaimed } from '#contexts/checkout/workflow/refunded.ts';
import { rawBody } from '#platform/http/body.ts';
import { logger } from '#platform/http/logger.ts';
import { json } from '#platform/http/response.ts';
import { notifyWaitingCheckout } from '../data/notify-checkout.ts';
import { recordPaymentResult } from '../data/result-store.ts';
import { paymentResultOf, verifyStripeEvent } from '../stripe/webhook-event.ts';
import { webhookOperation } from '../wiring.ts';

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

/**
 * `POST /webhooks/stripe`: verifies Stripe's signature on the raw body, then records the order's payment
 * result once per event id (one transaction), then resumes the order's payment saga through the task
 * token its wait stored (a saga not yet waiting reads the recorded result itself). A full refund moves a
 * paid order to `refunded`; a success for an order that ended unpaid is refunded — docs/payments.md.
 */
export const receiveStripeWebhook = webhookOperation({
  route: 'POST /webhooks/stripe',
  // Stripe cannot present a JWT; the signature is verified before any effect.
  access: 'public',
  operationId: 'receiveStripeWebhook',
  summary: 'Stripe webhook endpoint',
  description:
    'Called by Stripe only. The signature is verified on the raw body with the webhook secret (5-minute ' +
    'tolerance) before anything else; each event id takes effect once. Handles ' +
    '`payment_intent.succeeded`, `payment_intent.payment_failed`, `payment_intent.canceled` and ' +
    '`charge.refunded` for PaymentIntents created for an order; answers 200 to everything else. The body ' +
    'is a Stripe Event (https://docs.stripe.com/api/events/object), exactly as Stripe sent it.',
  tags: ['payments'],
  // No `body`: the signature covers the raw bytes, so the router must not parse them, and Stripe's Event
  // object gains fields over time, so it is no (closed) request schema either. Read after verification.
  request: { headers: stripeSignature },
  responses: { 200: { description: 'Received (see `effect`)', schema: webhookAck } },
  problems: { 400: ['invalid_signature'] },
  handle: async ({ event }, { table, orders, stripeKeys, gateway }) => {
    const keys = await stripeKeys();
    const stripeEvent = verifyStripeEvent(
      rawBody(event),
      event.headers?.['stripe-signature'],
      keys.webhookSecret,
    );
    const result = paymentResultOf(stripeEvent);
    if (!result) return json(200, { received: true, effect: 'ignored' });
    const effect = await recordPaymentResult(table, result);
    // A repeat still resumes: the first delivery may have recorded and then failed before resuming.
    const resumed = effect === 'superseded' ? 'not_applicable' : await notifyWaitingCheckout(table, result);
    // A refund follows the order; a success no saga took up (the order ended unpaid) goes back.
    const followUp =
      effect === 'superseded' || resumed === 'resumed'
        ? 'none'
        : result.outcome === 'refunded'
          ? await followRefund({ table, orders }, result)
          : await refundUnclaimed({ orders, gateway }, result);
    logger.info('stripe event', {
      eventId: stripeEvent.id,
      type: stripeEvent.type,
      orderId: result.orderId,
      effect,
      resumed,
      followUp,
    });
    return json(200, { received: true, effect });
  },
});
