import { releaseCheckout } from '#shared/checkout/release.ts';
import { declineCodeOf, releaseStepInput } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';
import { OrderRepository } from '#shared/orders/repository.ts';
import { paymentGateway } from '#shared/payments/stripe-provider.ts';

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
