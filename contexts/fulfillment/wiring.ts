import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { operationOf } from '#platform/http/operation.ts';

/** What the fulfillment operations use, wired once per Lambda instance over one table. */
export const fulfillmentServices = (table: string) => ({
  table,
  orders: new OrderRepository(table),
  /** The Stripe gateway, loaded at the first refund a received return makes. */
  gateway: paymentGateway,
  /** How long after an order's first shipment its units may be returned. */
  returnWindowDays: Number(process.env.RETURN_WINDOW_DAYS ?? 30),
});
export type FulfillmentServices = ReturnType<typeof fulfillmentServices>;

/** Declares an operation of the `fulfillmentAdmin` or `fulfillmentStore` function (typed with its services). */
export const fulfillmentOperation = operationOf<FulfillmentServices>();
