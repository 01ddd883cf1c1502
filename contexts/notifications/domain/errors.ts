import { UnprocessableError } from '#platform/errors/index.ts';

/**
 * An order confirmation that cannot be written: the order does not exist (`confirmation_order_missing`)
 * or has no e-mail address (`confirmation_email_missing`). Neither happens for an order the checkout
 * placed, so the consumer lets the message fail: it is retried, then parked in the dead-letter queue
 * for a person to look at, rather than silently dropped.
 */
export class OrderConfirmationUndeliverableError extends UnprocessableError {
  readonly orderId: string;

  constructor(orderId: string, code: 'confirmation_order_missing' | 'confirmation_email_missing') {
    super(
      code === 'confirmation_order_missing'
        ? `Order ${orderId} does not exist; no confirmation can be written`
        : `Order ${orderId} has no e-mail address; no confirmation can be written`,
      code,
    );
    this.orderId = orderId;
  }
}
