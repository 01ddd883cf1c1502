import { AppError, UnprocessableError } from '#platform/errors/index.ts';

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

/**
 * 502 `mail_not_sent`: the mail provider did not accept a message (refused it, could not be reached or
 * throttled us). The consumer lets the message fail, so it is retried and, after the queue's max
 * receives, parked in the dead-letter queue, whose alarm calls a person.
 */
export class MailNotSentError extends AppError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super({ status: 502, code: 'mail_not_sent', title: 'Mail not sent', detail }, options);
  }
}
