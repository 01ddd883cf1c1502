import { readFulfillments } from '#contexts/fulfillment/data/store.ts';
import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { operationOf } from '#platform/http/operation.ts';
import type { OrderRelated } from './data/items.ts';
import { OrderRepository } from './data/repository.ts';
import { cancellationClient } from './data/request-cancel.ts';

/** What the order operations use, wired once per Lambda instance over one table and the cursor key. */
export const orderServices = (table: string, cursorSecret: string, cancellationArn: string) => ({
  table,
  orders: new OrderRepository(table, cursorSecret),
  /** The cancellation workflow a cancel request starts (`orderCancellation`). */
  sfn: cancellationClient(),
  stateMachineArn: cancellationArn,
  /** How long after paying a customer may cancel their own order themselves. */
  cancelWindowMinutes: Number(process.env.ORDER_CANCEL_WINDOW_MINUTES ?? 60),
  /** What other contexts hold about the order: refunds and fulfillments (2 Queries, in parallel). */
  related: async (orderId: string): Promise<OrderRelated> => {
    const [payment, fulfillment] = await Promise.all([
      readRefunds(table, orderId),
      readFulfillments(table, orderId),
    ]);
    return {
      refunds: payment.refunds.map((r) => r.refund),
      providerRefunded: payment.providerRefunded,
      fulfillments: fulfillment.fulfillments.map((f) => f.fulfillment),
    };
  },
});
export type OrderServices = ReturnType<typeof orderServices>;

/** Declares an operation of the `ordersStore` or `ordersAdmin` function (typed with its services). */
export const orderOperation = operationOf<OrderServices>();
