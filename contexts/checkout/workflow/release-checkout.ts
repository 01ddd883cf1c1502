import { reopenCart } from '#contexts/carts/data/store.ts';
import { finishPendingSettlement, settleReservation } from '#contexts/inventory/data/settle.ts';
import { pendingOrderRemoveItems } from '#contexts/orders/data/pending-orders.ts';
import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { type CheckoutEnd, ORDERS_SOURCE } from '#contexts/orders/events.ts';
import { PaymentAlreadySucceededError } from '#contexts/payments/domain/errors.ts';
import type { PaymentGateway } from '#contexts/payments/domain/gateway.ts';
import { releaseUsageRefs } from '#contexts/pricing/data/promotion-usage.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { declineCodeOf, releaseStepInput } from './inputs.ts';

/** The one full refund a checkout may make, whoever asks (Stripe replays it for a second request). */
export const CHECKOUT_REFUND_KEY = 'checkout-release';

export interface ReleaseDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly gateway: PaymentGateway;
}

/** How the checkout ends, why (a stable code), and whether money already taken must be refunded. */
export interface ReleaseRequest {
  readonly orderId: string;
  readonly status: CheckoutEnd;
  readonly reason: string;
  /** Stripe's decline code, for `PaymentFailed`. */
  readonly declineCode?: string | null;
  /** The payment succeeded but the order cannot be completed: refund instead of cancel. */
  readonly refund?: boolean;
}

/**
 * What release did: `released` (this call ended the checkout), `closed` (it had already ended: the
 * order's status), `absent` (nothing was placed), or `paid_meanwhile` (the intent succeeded before it
 * could be canceled: the saga completes the order instead).
 */
export type Released =
  | { readonly outcome: 'released' | 'closed'; readonly status: OrderStatus }
  | { readonly outcome: 'absent' }
  | { readonly outcome: 'paid_meanwhile'; readonly paymentIntentId: string };

const paymentFailedReason = (request: ReleaseRequest) =>
  request.status === 'payment_failed' ? 'declined' : request.refund ? 'error' : 'canceled';

/** The writes that end the checkout with the stock's release: order status, usage and unpaid slot back, events. */
const endItems = (table: string, order: Order, request: ReleaseRequest, at: Date): TransactItem[] => {
  const when = at.toISOString();
  const events = [
    outboxItem(
      ORDERS_SOURCE,
      'CheckoutFailed',
      {
        orderId: order.id,
        cartId: order.cartId,
        customerId: order.customerId,
        status: request.status,
        reason: request.reason,
      },
      at,
    ),
    request.status === 'expired'
      ? outboxItem(
          ORDERS_SOURCE,
          'CheckoutExpired',
          { orderId: order.id, cartId: order.cartId, reservationId: order.reservationId, expiredAt: when },
          at,
        )
      : outboxItem(
          ORDERS_SOURCE,
          'PaymentFailed',
          {
            orderId: order.id,
            paymentIntentId: order.payment.paymentIntentId ?? null,
            reason: paymentFailedReason(request),
            code: request.declineCode ?? null,
          },
          at,
        ),
  ];
  return [
    // Only with the intent it stopped: one recorded since (OpenPayment racing) fails this, and the retry
    // cancels that one too.
    ...orderTransitionItems(table, order, ['pending_payment'], request.status, when, request.reason, {
      seenPaymentIntentId: order.payment.paymentIntentId ?? null,
    }),
    ...releaseUsageRefs(table, order.promotionUsage, order.customerId),
    // No longer unpaid: its e-mail may check out again (with the status move, so exactly once).
    ...pendingOrderRemoveItems(table, order),
    ...events.map((Item): TransactItem => ({ Put: { TableName: table, Item } })),
  ];
};

/**
 * The compensation of the whole checkout: stops the payment (cancels the PaymentIntent, or refunds it
 * when `refund`), then releases the held stock and — in the same transaction — moves the order to its
 * end status, gives the promotion usage back and writes `CheckoutFailed` with `PaymentFailed` or
 * `CheckoutExpired`. Idempotent: an order no longer `pending_payment` is left as it is. When the expiry
 * sweep released the hold first, the order's writes commit on their own, still once (status condition).
 * Then the cart opens again (best effort, `reopenCart`): the shopper can check out anew.
 */
export const releaseCheckout = async (
  deps: ReleaseDeps,
  request: ReleaseRequest,
  now = () => new Date(),
): Promise<Released> => {
  const order = await deps.orders.getForUpdate(request.orderId);
  if (!order) return { outcome: 'absent' };
  if (order.status !== 'pending_payment') {
    // Decided before (maybe by a crashed run of this step): what it may not have finished still happens.
    await finishPendingSettlement(deps.table, order.reservationId, now);
    if (order.status !== 'paid' && order.status !== 'refunded')
      await reopenCart(deps.table, order.cartId, order.id);
    return { outcome: 'closed', status: order.status };
  }
  const intentId = order.payment.paymentIntentId;
  if (intentId && request.refund)
    await deps.gateway.refund({
      orderId: order.id,
      paymentIntentId: intentId,
      refundKey: CHECKOUT_REFUND_KEY,
    });
  else if (intentId) {
    try {
      await deps.gateway.cancelIntent(intentId);
    } catch (error) {
      if (error instanceof PaymentAlreadySucceededError)
        return { outcome: 'paid_meanwhile', paymentIntentId: intentId };
      throw error;
    }
  }
  const settled = await settleReservation(deps.table, order.reservationId, 'release', now, (_r, at) =>
    endItems(deps.table, order, request, at),
  );
  if (settled.changed) {
    await reopenCart(deps.table, order.cartId, order.id);
    return { outcome: 'released', status: request.status };
  }
  // The expiry sweep released the hold first: the order's writes commit on their own (still once).
  const ended = await transact(endItems(deps.table, order, request, now()));
  const current = ended.ok ? request.status : (await deps.orders.get(order.id))?.status;
  // Still unpaid: a concurrent change (an intent recorded meanwhile) refused it; the step's retry redoes it.
  if (!ended.ok && current === 'pending_payment')
    throw new Error(`Ending order ${order.id} met a change; retry`);
  if (ended.ok) await reopenCart(deps.table, order.cartId, order.id);
  return { outcome: 'released', status: current ?? request.status };
};

/**
 * The `Release` and `CancelPlacement` states, the compensation of both workflows: ends the order its
 * input names the way the input says. Idempotent (see `releaseCheckout`), so the workflows retry it on
 * any error.
 */
export const releaseStep = async (
  deps: Omit<ReleaseDeps, 'gateway'> & { readonly gateway: () => Promise<PaymentGateway> },
  event: unknown,
) => {
  const input = releaseStepInput.parse(event);
  return releaseCheckout(
    { ...deps, gateway: await deps.gateway() },
    {
      orderId: input.orderId,
      status: input.status,
      reason: input.reason,
      declineCode: declineCodeOf(input.cause),
      ...(input.refund ? { refund: true } : {}),
    },
  );
};
