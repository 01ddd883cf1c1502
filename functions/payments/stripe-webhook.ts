import { requireEnv } from '#shared/config.ts';
import { rawBody } from '#shared/http/body.ts';
import { httpHandler, logger } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { notifyWaitingCheckout } from '#shared/payments/notify-checkout.ts';
import { recordPaymentResult } from '#shared/payments/result-store.ts';
import { loadStripeKeys } from '#shared/payments/stripe-keys.ts';
import { paymentResultOf, verifyStripeEvent } from '#shared/payments/webhook-event.ts';

const table = requireEnv('TABLE_NAME');

/**
 * `POST /webhooks/stripe`: verifies Stripe's signature on the raw body, then records the order's payment
 * result once per event id (one transaction), then resumes the order's payment saga through the task
 * token its wait stored (a saga not yet waiting reads the recorded result itself) — docs/payments.md.
 */
export const handler = httpHandler({}, async ({ event }) => {
  const keys = await loadStripeKeys();
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
  logger.info('stripe event', {
    eventId: stripeEvent.id,
    type: stripeEvent.type,
    orderId: result.orderId,
    effect,
    resumed,
  });
  return json(200, { received: true, effect });
});
