import { followRefund, refundUnclaimed } from '#shared/checkout/refunded.ts';
import { requireEnv } from '#shared/config.ts';
import { rawBody } from '#shared/http/body.ts';
import { httpHandler, logger } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { OrderRepository } from '#shared/orders/repository.ts';
import { notifyWaitingCheckout } from '#shared/payments/notify-checkout.ts';
import { recordPaymentResult } from '#shared/payments/result-store.ts';
import { loadStripeKeys } from '#shared/payments/stripe-keys.ts';
import { paymentGateway } from '#shared/payments/stripe-provider.ts';
import { paymentResultOf, verifyStripeEvent } from '#shared/payments/webhook-event.ts';

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
