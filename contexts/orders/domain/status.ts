import type { OrderStatus } from './schemas.ts';

/**
 * Where each status may go. An unpaid order ends one way (paid, declined, expired or canceled); only a
 * paid order moves again (a refund). Every other move is refused, so a late or replayed webhook can
 * never take a paid order back to `pending_payment` or fail it.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'payment_failed', 'expired', 'canceled'],
  paid: ['refunded'],
  payment_failed: [],
  expired: [],
  canceled: [],
  refunded: [],
};

/** Whether an order in status `from` may move to `to` (never to the status it is in). */
export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to);

/** Whether no transition leaves a status. */
export const isFinal = (status: OrderStatus): boolean => TRANSITIONS[status].length === 0;
