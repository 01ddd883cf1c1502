import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { requireEnv } from '#platform/config/env.ts';
import { releaseStep } from '../workflow/release-checkout.ts';

const table = requireEnv('TABLE_NAME');
// Only the orders: these steps never read carts or stock, so their bundles and cold starts stay small.
const deps = { table, orders: new OrderRepository(table), gateway: paymentGateway };

/**
 * The compensation of both workflows: cancel (or refund) the payment, release the stock and promotion
 * usage, end the order (`payment_failed`, `expired`, `canceled`) with `CheckoutFailed`. Idempotent.
 */
export const handler = (event: unknown) => releaseStep(deps, event);
