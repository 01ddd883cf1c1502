import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { operationOf } from '#platform/http/operation.ts';
import type { PaymentRecords } from './data/items.ts';
import { OrderRepository } from './data/repository.ts';

/** What the order operations use, wired once per Lambda instance over one table and the cursor key. */
export const orderServices = (table: string, cursorSecret: string) => ({
  orders: new OrderRepository(table, cursorSecret),
  /** The order's refunds, from its payment partition (1 Query, in parallel with the order's). */
  payment: async (orderId: string): Promise<PaymentRecords> => {
    const { refunds, providerRefunded } = await readRefunds(table, orderId);
    return { refunds: refunds.map((r) => r.refund), providerRefunded };
  },
});
export type OrderServices = ReturnType<typeof orderServices>;

/** Declares an operation of the `ordersStore` or `ordersAdmin` function (typed with its services). */
export const orderOperation = operationOf<OrderServices>();
