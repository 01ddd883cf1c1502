import type { OrderStatus } from './schemas.ts';

/**
 * Where each status may go. An unpaid order ends one way (paid, declined, expired or canceled); only a
 * paid order moves again: refunded in full, or canceled through `cancel_pending`. Every other move is refused, so a late or replayed webhook can
 * never take a paid order back to `pending_payment` or fail it.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'payment_failed', 'expired', 'canceled'],
  paid: ['refunded', 'cancel_pending'],
  // Left only by the cancellation workflow, once the money is back; a failed refund keeps it here.
  cancel_pending: ['canceled'],
  payment_failed: [],
  expired: [],
  canceled: [],
  refunded: [],
};

/** Whether an order in status `from` may move to `to` (never to the status it is in). */
export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to);

/** Whether no transition leaves a status. */
export const isFinal = (status: OrderStatus): boolean => TRANSITIONS[status].length === 0;

/**
 * The statuses the back office lists across customers. `pending_payment` is not one: it is transient (an
 * order leaves it within the payment timeout, paid or not), so a list of it is stale as it is read, and
 * indexing it would put every order of a burst on the index twice more. Orders awaiting payment are
 * listed per customer, or read by id.
 */
export const LISTED_STATUSES = [
  'paid',
  // Listed so ops find a cancellation whose refund failed (it stays here until it is retried).
  'cancel_pending',
  'payment_failed',
  'expired',
  'canceled',
  'refunded',
] as const satisfies readonly OrderStatus[];

/** Whether orders in `status` are listed across customers (see `LISTED_STATUSES`). */
export const isListed = (status: OrderStatus): boolean =>
  (LISTED_STATUSES as readonly OrderStatus[]).includes(status);
