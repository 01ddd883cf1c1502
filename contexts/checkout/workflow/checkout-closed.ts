import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ConflictError } from '#platform/errors/index.ts';

/** 409 `checkout_closed`: the order ended (failed, expired, canceled) before it was paid. */
export const checkoutClosed = (order: Order) =>
  new ConflictError(`Order ${order.id} is ${order.status}; start a new checkout`, 'checkout_closed');
