import { AppError, ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';

/**
 * A notification that cannot be written: its order does not exist (`notification_order_missing`) or has
 * no e-mail address (`notification_email_missing`). Neither happens for an order the checkout placed, so
 * the consumer lets the message fail: it is retried, then parked in the dead-letter queue for a person to
 * look at, rather than silently dropped.
 */
export class NotificationUndeliverableError extends UnprocessableError {
  readonly orderId: string;

  constructor(orderId: string, code: 'notification_order_missing' | 'notification_email_missing') {
    super(
      code === 'notification_order_missing'
        ? `Order ${orderId} does not exist; no notification can be written`
        : `Order ${orderId} has no e-mail address; no notification can be written`,
      code,
    );
    this.orderId = orderId;
  }
}

/** 404 `notification_not_found`: the order has no notification of that id (or there is no such order). */
export class NotificationNotFoundError extends NotFoundError {
  constructor(orderId: string, notificationId: string) {
    super(`Order ${orderId} has no notification ${notificationId}`, 'notification_not_found');
  }
}

/**
 * 409 `resend_in_progress`: a resend under the same Idempotency-Key is being sent right now; its answer
 * comes with the same request once it is recorded.
 */
export class ResendInProgressError extends ConflictError {
  constructor(notificationId: string) {
    super(
      `A resend of ${notificationId} under this Idempotency-Key is being sent; retry shortly`,
      'resend_in_progress',
    );
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

/** The address an order's e-mails go to; none: `NotificationUndeliverableError` (`notification_email_missing`). */
export const recipientOf = (order: { readonly id: string; readonly email?: string | null }): string => {
  if (!order.email) throw new NotificationUndeliverableError(order.id, 'notification_email_missing');
  return order.email;
};
