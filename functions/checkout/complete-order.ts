import { completeCheckout } from '#shared/checkout/complete.ts';
import { completeStepInput } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';
import { OrderRepository } from '#shared/orders/repository.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table) };

/** The payment saga's success step: the stock sold, the order paid, `OrderPlaced` — in one transaction. */
export const handler = async (event: unknown) => {
  const { orderId, paymentIntentId } = completeStepInput.parse(event);
  return completeCheckout(deps, orderId, paymentIntentId);
};
