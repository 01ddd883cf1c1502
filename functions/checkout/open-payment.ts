import { openPayment } from '#shared/checkout/payment.ts';
import { orderStepInput, refusalOf } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';
import { OrderRepository } from '#shared/orders/repository.ts';
import { loadStripeKeys } from '#shared/payments/stripe-keys.ts';
import { paymentGateway } from '#shared/payments/stripe-provider.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table) };

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
      // Cached with the gateway's keys: the route answering the storefront needs no secret access.
      publishableKey: (await loadStripeKeys()).publishableKey,
    };
  } catch (error) {
    return refusalOf(error);
  }
};
