import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { completeCheckout, HoldLostError } from './complete-order.ts';

/**
 * What undoes a free order's completion when it fails: the same as a failed placing, `EnsurePaymentSaga`
 * (a failure may have committed; the saga it starts ends a still-pending order at its timeout, and leaves
 * a paid one as it is). No payment saga runs for a free order otherwise: there is nothing to wait for.
 */
export const compensatedBy = 'EnsurePaymentSaga';

/**
 * The `CompleteFreeOrder` state (checkout step 2 when the total is 0, as Shopify and Medusa do for free
 * orders): no PaymentIntent (Stripe charges nothing under its minimum, let alone 0), the held stock sold
 * and the order paid with `OrderPlaced` at once, in one transaction (`completeCheckout` without an
 * intent). A replay finds it paid; an order that ended is 409 `checkout_closed`.
 */
export const completeFreeOrder = async (
  deps: { readonly table: string; readonly orders: OrderRepository },
  order: Order,
): Promise<Order> => {
  try {
    const { status } = await completeCheckout(deps, order.id, null);
    return { ...order, status };
  } catch (error) {
    // Not the shopper's refusal: the order is still pending, and the step's Catch must see it fail.
    if (error instanceof HoldLostError) throw new Error(error.message, { cause: error });
    throw error;
  }
};
