import { completeCheckout } from '#contexts/checkout/workflow/complete.ts';
import { completeStepInput } from '#contexts/checkout/workflow/inputs.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { requireEnv } from '#platform/config/env.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table) };

/** The payment saga's success step: the stock sold, the order paid, `OrderPlaced` — in one transaction. */
export const handler = async (event: unknown) => {
  const { orderId, paymentIntentId } = completeStepInput.parse(event);
  return completeCheckout(deps, orderId, paymentIntentId);
};
