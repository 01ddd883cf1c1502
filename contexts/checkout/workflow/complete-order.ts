import { finishPendingSettlement, settleReservation } from '#contexts/inventory/data/settle.ts';
import { pendingOrderRemoveItems } from '#contexts/orders/data/pending-orders.ts';
import { type OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { CHANNEL_EVENTS_VERSION, ORDERS_SOURCE, orderPlaced } from '#contexts/orders/events.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { AppError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { checkoutClosed } from './checkout-closed.ts';
import { completeStepInput } from './inputs.ts';

/**
 * What undoes a completion that cannot keep the order (closed meanwhile, hold lost): `Release` with a
 * refund (the saga's `RefundAndRelease`), since the payment has succeeded by then.
 */
export const compensatedBy = 'Release';

/**
 * The payment succeeded but the order can no longer be fulfilled from its hold (the hold ended and the
 * stock went back): the saga refunds. Named for the saga's Catch, which must not retry it.
 */
export class HoldLostError extends AppError {
  constructor(orderId: string) {
    super({
      status: 409,
      code: 'hold_lost',
      title: 'Conflict',
      detail: `The stock held for order ${orderId} was released before its payment completed`,
    });
  }
}

/**
 * The saga was resumed with a PaymentIntent that is not the order's own: it must not complete the order.
 * Named for the saga's Catch, which goes back to waiting for the order's own payment (no refund here:
 * the webhook refunds a payment that was not the order's).
 */
export class PaymentMismatchError extends AppError {
  constructor(orderId: string, paymentIntentId: string | null) {
    super({
      status: 409,
      code: 'payment_mismatch',
      title: 'Conflict',
      detail: paymentIntentId
        ? `PaymentIntent ${paymentIntentId} is not the payment of order ${orderId}`
        : `Order ${orderId} has a payment to make: it cannot be completed without one`,
    });
  }
}

/**
 * The writes that commit with the stock: the order paid (and off its e-mail's unpaid orders),
 * `OrderPlaced` and `PaymentSucceeded` — none for an order with nothing to pay (no intent:
 * `paymentIntentId` null), which is paid as placed.
 */
const paidItems = (table: string, order: Order, paymentIntentId: string | null, at: Date): TransactItem[] => {
  const when = at.toISOString();
  const reason = paymentIntentId ? 'payment_succeeded' : 'no_payment_due';
  return [
    ...orderTransitionItems(table, order, ['pending_payment'], 'paid', when, reason),
    // No longer unpaid: its e-mail may check out again (with the status move, so exactly once).
    ...pendingOrderRemoveItems(table, order),
    ...[
      outboxItem(ORDERS_SOURCE, 'OrderPlaced', orderPlaced(order, when), at, CHANNEL_EVENTS_VERSION),
      ...(paymentIntentId
        ? [
            outboxItem(
              ORDERS_SOURCE,
              'PaymentSucceeded',
              {
                orderId: order.id,
                paymentIntentId,
                currency: order.currency,
                amount: order.totals.grandTotal,
              },
              at,
            ),
          ]
        : []),
    ].map((Item): TransactItem => ({ Put: { TableName: table, Item } })),
  ];
};

/**
 * The saga's success step: commits the held stock (sold) and, in the same transaction, marks the order
 * paid and writes its events, so they happen once however often the step runs. A paid order is a no-op;
 * a closed one is `checkout_closed` and a lost hold `hold_lost` — both end in a refund. Only the order's
 * own PaymentIntent completes it (`payment_mismatch` otherwise: the saga waits on).
 */
export const completeCheckout = async (
  deps: { readonly table: string; readonly orders: OrderRepository },
  orderId: string,
  /** Null for an order with nothing to pay (a total of 0), completed by checkout itself. */
  paymentIntentId: string | null,
  now = () => new Date(),
): Promise<{ status: 'paid'; changed: boolean }> => {
  const order = await deps.orders.getForUpdate(orderId);
  if (!order) throw orderNotFound(orderId);
  if (order.status === 'paid') {
    // A retry: the decision is made; stock writes a crash left pending (a large order) still apply.
    await finishPendingSettlement(deps.table, order.reservationId, now);
    return { status: 'paid', changed: false };
  }
  if (order.status !== 'pending_payment') throw checkoutClosed(order);
  // Only the order's own intent pays it; no intent (null) only an order with nothing to pay, which has none.
  const own = order.payment.paymentIntentId ?? null;
  if (own !== paymentIntentId || (paymentIntentId === null && order.totals.grandTotal !== 0))
    throw new PaymentMismatchError(orderId, paymentIntentId);
  const settled = await settleReservation(deps.table, order.reservationId, 'commit', now, (_r, at) =>
    paidItems(deps.table, order, paymentIntentId, at),
  );
  if (settled.reservation.status !== 'committed') throw new HoldLostError(orderId);
  return { status: 'paid', changed: settled.changed };
};

/** The `CompleteOrder` state of the payment saga: completes the order its input names. */
export const completeOrderStep = async (
  deps: { readonly table: string; readonly orders: OrderRepository },
  event: unknown,
) => {
  const { orderId, paymentIntentId } = completeStepInput.parse(event);
  return completeCheckout(deps, orderId, paymentIntentId);
};
