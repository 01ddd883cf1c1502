import { openPayment } from '#shared/checkout/payment.ts';
import { checkoutServices } from '#shared/checkout/services.ts';
import { orderStepInput, refusalOf } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';
import { paymentGateway } from '#shared/payments/stripe-provider.ts';

const deps = checkoutServices(requireEnv('TABLE_NAME'));

/**
 * Checkout step 2: the order's PaymentIntent (created once, from the server's total). A closed order is
 * a refusal; a provider outage throws `PaymentProviderUnavailableError` for the workflow's Retry.
 */
export const handler = async (event: unknown) => {
  const { orderId } = orderStepInput.parse(event);
  try {
    const { order, intent } = await openPayment({ ...deps, gateway: await paymentGateway() }, orderId);
    return {
      status: order.status,
      total: { grandTotal: order.totals.grandTotal, currency: order.currency },
      paymentIntentId: intent.paymentIntentId,
      clientSecret: intent.clientSecret,
    };
  } catch (error) {
    return refusalOf(error);
  }
};
