import { followRefund, refundUnclaimed } from '#contexts/checkout/workflow/refunded.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { notifyWaitingCheckout } from '#contexts/payments/data/notify-checkout.ts';
import { recordPaymentResult } from '#contexts/payments/data/result-store.ts';
import { loadStripeKeys } from '#contexts/payments/stripe/keys.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { paymentResultOf, verifyStripeEvent } from '#contexts/payments/stripe/webhook-event.ts';
import { requireEnv } from '#platform/config/env.ts';
import { rawBody } from '#platform/http/body.ts';
import { httpHandler, logger } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const table = requireEnv('TABLE_NAME');
const orders = new OrderRepository(table);

/**
 * `POST /webhooks/stripe`: verifies Stripe's signature on the raw body, then records the order's payment
 * result once per event id (one transaction), then resumes the order's payment saga through the task
 * token its wait stored (a saga not yet waiting reads the recorded result itself). A full refund moves a
 * paid order to `refunded`; a success for an order that ended unpaid is refunded — docs/payments.md.
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
  // A refund follows the order; a success no saga took up (the order ended unpaid) goes back.
  const followUp =
    effect === 'superseded' || resumed === 'resumed'
      ? 'none'
      : result.outcome === 'refunded'
        ? await followRefund(table, result)
        : await refundUnclaimed({ orders, gateway: paymentGateway }, result);
  logger.info('stripe event', {
    eventId: stripeEvent.id,
    type: stripeEvent.type,
    orderId: result.orderId,
    effect,
    resumed,
    followUp,
  });
  return json(200, { received: true, effect });
});
