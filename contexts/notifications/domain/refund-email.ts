import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import type { refundIssuedData } from '#contexts/payments/events.ts';
import { formatDecimal } from '#platform/money/decimal.ts';
import { recipientOf } from './errors.ts';
import { escapeHtml, htmlPage } from './html.ts';
import type { OutgoingEmail } from './mailer.ts';
import { decimalText, notificationFields, orderReference } from './notification.ts';

/** The template name of the refund e-mail (one per refund). */
export const REFUND_TEMPLATE = 'refund' as const;

/** The refund e-mail as its notification item holds it: the amount already formatted, and its currency. */
export const refundEmail = z.object({
  ...notificationFields,
  template: z.literal(REFUND_TEMPLATE),
  refundId: z.string().max(64),
  amount: decimalText,
  currency: currencyCode,
});
export type RefundEmail = z.infer<typeof refundEmail>;

/** What a `RefundIssued` event says about the refund. */
export type IssuedRefund = z.infer<typeof refundIssuedData>;

/**
 * Renders the "we refunded X" e-mail of a refund (pure): the amount is `formatDecimal` of its minor
 * units with the currency's decimals. An order without an e-mail address throws
 * `NotificationUndeliverableError` (`notification_email_missing`).
 */
export const renderRefundEmail = (order: Order, refund: IssuedRefund, now: Date): RefundEmail => {
  const to = recipientOf(order);
  const amount = formatDecimal(refund.amount, refund.currency);
  return {
    to,
    template: REFUND_TEMPLATE,
    subject: `We refunded ${amount} ${refund.currency} for your order ${orderReference(order.id)}`,
    orderId: order.id,
    refundId: refund.refundId,
    amount,
    currency: refund.currency,
    status: 'queued',
    createdAt: now.toISOString(),
  };
};

/** The refund e-mail as the mailer sends it (pure): every value HTML-escaped in the HTML body. */
export const refundMessage = (email: RefundEmail): OutgoingEmail => {
  const refunded = `${email.amount} ${email.currency}`;
  const text = [
    `We refunded ${refunded}.`,
    '',
    `Order ${email.orderId}`,
    'The money goes back to the card you paid with; your bank may take a few days to show it.',
    '',
  ].join('\n');
  const html = htmlPage(
    email.subject,
    [
      `<p>We refunded <strong>${escapeHtml(refunded)}</strong>.</p>`,
      `<p>Order <strong>${escapeHtml(email.orderId)}</strong></p>`,
      '<p>The money goes back to the card you paid with; your bank may take a few days to show it.</p>',
    ].join(''),
  );
  return { to: email.to, subject: email.subject, text, html, template: email.template };
};
