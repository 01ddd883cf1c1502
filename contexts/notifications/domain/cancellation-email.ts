import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import type { orderCanceledData } from '#contexts/orders/events.ts';
import { formatDecimal } from '#platform/money/decimal.ts';
import { recipientOf } from './errors.ts';
import { escapeHtml, htmlPage } from './html.ts';
import type { OutgoingEmail } from './mailer.ts';
import { decimalText, notificationFields, orderReference } from './notification.ts';

/** The template name of the cancellation e-mail (one per order: an order is canceled once). */
export const CANCELLATION_TEMPLATE = 'cancellation' as const;

/**
 * The cancellation e-mail as its notification item holds it: what went back, already formatted. The
 * cancel request's `reason` is not in it: the back office writes it for itself, not for the shopper.
 */
export const cancellationEmail = z.object({
  ...notificationFields,
  template: z.literal(CANCELLATION_TEMPLATE),
  refunded: decimalText,
  currency: currencyCode,
  canceledAt: z.iso.datetime(),
});
export type CancellationEmail = z.infer<typeof cancellationEmail>;

/** What an `OrderCanceled` event says about the cancellation. */
export type Cancellation = z.infer<typeof orderCanceledData>;

/**
 * Renders the "your order is canceled" e-mail (pure): the refunded amount is `formatDecimal` of its minor
 * units. An order without an e-mail address throws `NotificationUndeliverableError`
 * (`notification_email_missing`).
 */
export const renderCancellationEmail = (
  order: Order,
  canceled: Cancellation,
  now: Date,
): CancellationEmail => {
  const to = recipientOf(order);
  return {
    to,
    template: CANCELLATION_TEMPLATE,
    subject: `Your order ${orderReference(order.id)} is canceled`,
    orderId: order.id,
    refunded: formatDecimal(canceled.refunded, canceled.currency),
    currency: canceled.currency,
    canceledAt: canceled.canceledAt,
    status: 'queued',
    createdAt: now.toISOString(),
  };
};

/** Whether the e-mail has money to announce ("0", "0.00", "0.000" have none). */
const refundedAny = (email: CancellationEmail) => /[1-9]/.test(email.refunded);

/** The cancellation e-mail as the mailer sends it (pure): every value HTML-escaped in the HTML body. */
export const cancellationMessage = (email: CancellationEmail): OutgoingEmail => {
  const refunded = `${email.refunded} ${email.currency}`;
  const money = refundedAny(email)
    ? `We refunded ${refunded} to the card you paid with; your bank may take a few days to show it.`
    : undefined;
  const text = [
    'Your order is canceled, as asked; nothing will be shipped.',
    '',
    `Order ${email.orderId}`,
    ...(money ? [money] : []),
    '',
  ].join('\n');
  const html = htmlPage(
    email.subject,
    [
      '<p>Your order is canceled, as asked; nothing will be shipped.</p>',
      `<p>Order <strong>${escapeHtml(email.orderId)}</strong></p>`,
      ...(money ? [`<p>${escapeHtml(money)}</p>`] : []),
    ].join(''),
  );
  return { to: email.to, subject: email.subject, text, html, template: email.template };
};
