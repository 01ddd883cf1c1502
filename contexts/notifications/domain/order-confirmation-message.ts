import { escapeHtml, htmlPage } from './html.ts';
import type { OutgoingEmail } from './mailer.ts';
import type { OrderConfirmationEmail } from './order-confirmation.ts';

const textBody = (email: OrderConfirmationEmail): string =>
  [
    'Thank you for your order.',
    '',
    `Order ${email.orderId}`,
    '',
    ...email.lines.map((l) => `${l.quantity} × ${l.title}: ${l.total} ${email.currency}`),
    '',
    `Total: ${email.grandTotal} ${email.currency}`,
    '',
  ].join('\n');

const htmlBody = (email: OrderConfirmationEmail): string => {
  const cell = (text: string, align = 'left') =>
    `<td style="padding:4px 8px;text-align:${align}">${text}</td>`;
  const rows = email.lines
    .map(
      (l) =>
        `<tr>${cell(String(l.quantity), 'right')}${cell(escapeHtml(l.title))}${cell(
          `${escapeHtml(l.total)} ${email.currency}`,
          'right',
        )}</tr>`,
    )
    .join('');
  return htmlPage(
    email.subject,
    [
      '<p>Thank you for your order.</p>',
      `<p>Order <strong>${escapeHtml(email.orderId)}</strong></p>`,
      `<table>${rows}</table>`,
      `<p><strong>Total: ${escapeHtml(email.grandTotal)} ${email.currency}</strong></p>`,
    ].join(''),
  );
};

/**
 * The order confirmation as the mailer sends it (pure): a text and an HTML body from the notification
 * item alone, every value from the order HTML-escaped in the HTML body.
 */
export const orderConfirmationMessage = (email: OrderConfirmationEmail): OutgoingEmail => ({
  to: email.to,
  subject: email.subject,
  text: textBody(email),
  html: htmlBody(email),
  template: email.template,
});
