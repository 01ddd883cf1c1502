import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { awaitPaymentStep } from '../workflow/await-payment.ts';

const table = requireEnv('TABLE_NAME');
// The orders: an early payment result resumes the saga only when it is the order's own.
const deps = { table, orders: new OrderRepository(table) };

/** The payment saga's wait: stores its task token, resumes itself if the payment result came first. */
export const handler = (event: unknown) => awaitPaymentStep(deps, event);
