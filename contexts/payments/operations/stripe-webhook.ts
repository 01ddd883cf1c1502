import { z } from 'zod';
import { followRefund, refundUnclaimed } from '#contexts/checkout/workflow/refunded.ts';
import { rawBody } from '#platform/http/body.ts';
import { logger } from '#platform/http/logger.ts';
import { json } from '#platform/http/response.ts';
import { followRefundUpdate } from '../data/issue-refund.ts';
import { notifyWaitingCheckout } from '../data/notify-checkout.ts';
import { type MismatchTaken, refundMismatch } from '../data/refund-mismatch.ts';
import { recordPaymentResult } from '../data/result-store.ts';
import { screenPaymentResult } from '../data/screen-result.ts';
import { paymentResultOf, refundUpdateOf, verifyStripeEvent } from '../stripe/webhook-event.ts';
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
  effect: z.enum(['resumed', 'recorded', 'duplicate', 'superseded', 'ignored', 'mismatch']).meta({
    description:
      '`resumed`: the order’s waiting checkout took the outcome at once (nothing to record); ' +
      '`recorded`: the order’s payment result was written; `duplicate`: this event id was handled before; ' +
      '`superseded`: a later outcome is already recorded; `ignored`: an event type or payment this ' +
      'backend does not act on (another intent’s decline, cancel or refund included); `mismatch`: a ' +
      'success naming an order that is not its payment (another intent, amount or currency), recorded ' +
      'and refunded, the order untouched.',
  }),
});

/**
 * `POST /webhooks/stripe`: verifies Stripe's signature on the raw body, then resumes the order's waiting
 * payment saga through the task token its wait stored: the saga holds the outcome from then on, so
 * nothing is written (the usual case: the shopper pays after the wait began). Otherwise it records the
 * order's payment result once per event id (one conditional Put) and tries the saga again (a saga not yet
 * waiting reads the recorded result itself). A full refund moves a paid order to `refunded`; a success for
 * an order that ended unpaid is refunded. Only the order's own payment does any of this: a success with
 * another intent, amount or currency is recorded as a mismatch and refunded, another intent's other
 * outcomes are ignored — docs/payments.md#payment-integrity.
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
    '`charge.refunded` for PaymentIntents created for an order, and `refund.updated`, `refund.failed` and ' +
    '`charge.refund.updated` for refunds made through the refund API; answers 200 to everything else. The body ' +
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
    // A later status of a refund made through the refund API (failed, or settled): its record follows.
    const refundUpdate = refundUpdateOf(stripeEvent);
    if (refundUpdate) {
      const effect = await followRefundUpdate({ table, orders }, refundUpdate);
      logger.info('stripe refund event', {
        eventId: stripeEvent.id,
        type: stripeEvent.type,
        ...refundUpdate,
        effect,
      });
      return json(200, { received: true, effect });
    }
    const result = paymentResultOf(stripeEvent);
    if (!result) return json(200, { received: true, effect: 'ignored' });
    const log = (fields: Record<string, unknown>) =>
      logger.info('stripe event', {
        eventId: stripeEvent.id,
        type: stripeEvent.type,
        orderId: result.orderId,
        ...fields,
      });
    // Only the order's own payment may decide it: read the order before anything acts on the result.
    const screened = await screenPaymentResult(orders, result);
    if (screened.kind === 'foreign') {
      log({ effect: 'ignored', reason: 'another_payment_intent' });
      return json(200, { received: true, effect: 'ignored' });
    }
    if (screened.kind === 'mismatch') {
      const { expected, reasons } = screened;
      const taken = await refundMismatch({ table, gateway }, result, expected, reasons, logMismatch);
      if (taken.mismatch.refund.status === 'failed')
        logger.error('PaymentMismatch refund refused', fields(taken));
      return json(200, { received: true, effect: taken.created ? 'mismatch' : 'duplicate' });
    }
    const waiting = await notifyWaitingCheckout(table, result);
    if (waiting === 'resumed') {
      log({ effect: 'resumed' });
      return json(200, { received: true, effect: 'resumed' });
    }
    // No saga waiting yet (or any more): record, then look again if none was. The wait stores its token
    // before it reads the record, and this reads the token after writing it, so one sees the other.
    const effect = await recordPaymentResult(table, result);
    const resumed =
      effect === 'superseded' || waiting !== 'no_waiter'
        ? waiting
        : await notifyWaitingCheckout(table, result);
    // A refund follows the order; a success no saga took up (the order ended unpaid) goes back.
    const followUp =
      effect === 'superseded' || resumed === 'resumed'
        ? 'none'
        : result.outcome === 'refunded'
          ? await followRefund({ table, orders }, result)
          : await refundUnclaimed({ orders, gateway }, result);
    log({ effect, resumed, followUp });
    return json(200, { received: true, effect });
  },
});

/** What a mismatch's log lines say: ids, amounts, reasons and the refund (no personal data). */
const fields = ({ mismatch }: MismatchTaken) => ({
  orderId: mismatch.orderId,
  paymentIntentId: mismatch.paymentIntentId,
  eventId: mismatch.eventId,
  reasons: mismatch.reasons,
  amount: mismatch.amount,
  currency: mismatch.currency,
  expected: mismatch.expected,
  refund: mismatch.refund,
});

/**
 * `PaymentMismatch` at error level when it is recorded (ops alarm on the message, as on the event),
 * before its refund is asked for; a redelivery logs at info. A refund Stripe refused is logged at error
 * level as `PaymentMismatch refund refused` each time it is seen: a person must act.
 */
const logMismatch = (taken: MismatchTaken) => {
  if (taken.created) logger.error('PaymentMismatch', fields(taken));
  else logger.info('PaymentMismatch again', fields(taken));
};
