import { operationOf } from '#platform/http/operation.ts';
import { OrderRepository } from './data/repository.ts';

/** What the order operations use, wired once per Lambda instance over one table and the cursor key. */
export const orderServices = (table: string, cursorSecret: string) => ({
  orders: new OrderRepository(table, cursorSecret),
});
export type OrderServices = ReturnType<typeof orderServices>;

/** Declares an operation of the `ordersStore` or `ordersAdmin` function (typed with its services). */
export const orderOperation = operationOf<OrderServices>();
