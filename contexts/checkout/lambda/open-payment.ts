import { orderStepInput, refusalOf } from '#contexts/checkout/workflow/inputs.ts';
import { openPayment } from '#contexts/checkout/workflow/open-payment.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { loadStripeKeys } from '#contexts/payments/stripe/keys.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { requireEnv } from '#platform/config/env.ts';

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
