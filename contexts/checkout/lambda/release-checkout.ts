import { declineCodeOf, releaseStepInput } from '#contexts/checkout/workflow/inputs.ts';
import { releaseCheckout } from '#contexts/checkout/workflow/release.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { requireEnv } from '#platform/config/env.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table) };

/**
 * The compensation of both workflows: cancel (or refund) the payment, release the stock and promotion
 * usage, end the order (`payment_failed`, `expired`, `canceled`) with `CheckoutFailed`. Idempotent.
 */
export const handler = async (event: unknown) => {
  const input = releaseStepInput.parse(event);
  return releaseCheckout(
    { ...deps, gateway: await paymentGateway() },
    {
      orderId: input.orderId,
      status: input.status,
      reason: input.reason,
      declineCode: declineCodeOf(input.cause),
      ...(input.refund ? { refund: true } : {}),
    },
  );
};
