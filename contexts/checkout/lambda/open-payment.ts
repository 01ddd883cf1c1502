import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { loadStripeKeys } from '#contexts/payments/stripe/keys.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { requireEnv } from '#platform/config/env.ts';
import { openPaymentStep } from '../workflow/open-payment.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = {
  table,
  orders: new OrderRepository(table),
  gateway: paymentGateway,
  // Cached with the gateway's keys.
  publishableKey: async () => (await loadStripeKeys()).publishableKey,
};

/** Checkout step 2 (`checkout` workflow): the order's PaymentIntent, created once from the server's total. */
export const handler = (event: unknown) => openPaymentStep(deps, event);
