import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { operationOf } from '#platform/http/operation.ts';

/** What the fulfillment operations use, wired once per Lambda instance over one table. */
export const fulfillmentServices = (table: string) => ({ table, orders: new OrderRepository(table) });
export type FulfillmentServices = ReturnType<typeof fulfillmentServices>;

/** Declares an operation of the `fulfillmentAdmin` function (typed with its services). */
export const fulfillmentOperation = operationOf<FulfillmentServices>();
