import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { completeOrderStep } from '../workflow/complete-order.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table) };

/** The payment saga's success step: the stock sold, the order paid, `OrderPlaced` — in one transaction. */
export const handler = (event: unknown) => completeOrderStep(deps, event);
