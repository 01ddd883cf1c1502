import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { returnReceivedData } from '#contexts/fulfillment/events.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { formatDecimal } from '#platform/money/decimal.ts';
import { recipientOf } from './errors.ts';
import { escapeHtml, htmlPage } from './html.ts';
import type { OutgoingEmail } from './mailer.ts';
import { decimalText, notificationFields, orderReference } from './notification.ts';
import { lineTitle } from './order-confirmation.ts';

/** The template name of the return-received e-mail (one per return). */
export const RETURN_RECEIVED_TEMPLATE = 'return-received' as const;

/**
 * The return-received e-mail as its notification item holds it: the units that arrived, as the order
 * named them, and what the return refunds. Whether a unit was restocked or discarded is the warehouse's
 * business, not in it.
 */
export const returnReceivedEmail = z.object({
  ...notificationFields,
  template: z.literal(RETURN_RECEIVED_TEMPLATE),
  returnId: z.string().max(64),
  lines: z.array(z.object({ title: z.string().max(403), quantity: z.number().int().positive() })).max(100),
  refundAmount: decimalText,
  currency: currencyCode,
});
export type ReturnReceivedEmail = z.infer<typeof returnReceivedEmail>;

/** What a `ReturnReceived` event says about the return. */
export type ReceivedReturn = z.infer<typeof returnReceivedData>;

/**
 * Renders the "we received your return" e-mail (pure): each returned line titled as in the order (its
 * id when the order has no such line), the refund in the order's currency. An order without an e-mail
 * address throws `NotificationUndeliverableError` (`notification_email_missing`).
 */
export const renderReturnReceivedEmail = (
  order: Order,
  received: ReceivedReturn,
  now: Date,
): ReturnReceivedEmail => {
  const to = recipientOf(order);
  const titled = (lineId: string) => {
    const line = order.lines.find((l) => l.id === lineId);
    return line ? lineTitle(line) : lineId;
  };
  return {
    to,
    template: RETURN_RECEIVED_TEMPLATE,
    subject: `We received your return for order ${orderReference(order.id)}`,
    orderId: order.id,
    returnId: received.returnId,
    lines: received.lines.map((l) => ({ title: titled(l.lineId), quantity: l.quantity })),
    refundAmount: formatDecimal(received.refundAmount, order.currency),
    currency: order.currency,
    status: 'queued',
    createdAt: now.toISOString(),
  };
};

/** The return-received e-mail as the mailer sends it (pure): every value HTML-escaped in the HTML body. */
export const returnReceivedMessage = (email: ReturnReceivedEmail): OutgoingEmail => {
  const refund = /[1-9]/.test(email.refundAmount)
    ? `Your refund of ${email.refundAmount} ${email.currency} goes back to the card you paid with; we e-mail you when it is issued.`
    : 'This return is not refunded.';
  const text = [
    'We received your return:',
    '',
    ...email.lines.map((l) => `${l.quantity} × ${l.title}`),
    '',
    `Order ${email.orderId}`,
    refund,
    '',
  ].join('\n');
  const html = htmlPage(
    email.subject,
    [
      '<p>We received your return:</p>',
      `<ul>${email.lines.map((l) => `<li>${l.quantity} × ${escapeHtml(l.title)}</li>`).join('')}</ul>`,
      `<p>Order <strong>${escapeHtml(email.orderId)}</strong></p>`,
      `<p>${escapeHtml(refund)}</p>`,
    ].join(''),
  );
  return { to: email.to, subject: email.subject, text, html, template: email.template };
};
