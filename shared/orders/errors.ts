import { ConflictError } from '../errors/index.ts';

/** 409 `order_status_conflict`: the order is not in a status the transition starts from. */
export class OrderStatusConflictError extends ConflictError {
  readonly currentStatus: string;

  constructor(orderId: string, currentStatus: string, to: string) {
    super(`Order ${orderId} is ${currentStatus}; it cannot move to ${to}`, 'order_status_conflict');
    this.currentStatus = currentStatus;
  }
}
