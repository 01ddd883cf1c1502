import { describe, expect, it } from 'vitest';
import { sendEmailInput } from '#contexts/notifications/data/ses-mailer.ts';
import { renderOrderConfirmation } from '#contexts/notifications/domain/order-confirmation.ts';
import { orderConfirmationMessage } from '#contexts/notifications/domain/order-confirmation-message.ts';
import { sampleOrder } from '../../support/orders.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const email = renderOrderConfirmation(sampleOrder({ status: 'paid' }), now);

describe('orderConfirmationMessage', () => {
  it('addresses the order’s e-mail with the rendered subject and template', () => {
    expect(orderConfirmationMessage(email)).toMatchObject({
      to: email.to,
      subject: email.subject,
      template: 'order-confirmation',
    });
  });

  it('lists every line and the total in both bodies', () => {
    const { text, html } = orderConfirmationMessage(email);
    for (const body of [text, html]) {
      expect(body).toContain(email.orderId);
      expect(body).toContain(`${email.grandTotal} EUR`);
      for (const line of email.lines) expect(body).toContain(`${line.total} EUR`);
    }
    for (const line of email.lines) expect(text).toContain(`${line.quantity} × ${line.title}`);
  });

  it('escapes what the catalog wrote, so a title cannot become markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> & Mug';
    const { text, html } = orderConfirmationMessage({
      ...email,
      lines: [{ ...email.lines[0]!, title: hostile }],
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Mug');
    expect(text).toContain(hostile);
  });
});

describe('sendEmailInput (SES v2 SendEmail)', () => {
  const message = orderConfirmationMessage(email);

  it('sends Simple content with subject, text and HTML from the configured sender, tagged by template', () => {
    expect(sendEmailInput(message, { from: 'orders@shop.example' })).toEqual({
      FromEmailAddress: 'orders@shop.example',
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: message.text, Charset: 'UTF-8' },
            Html: { Data: message.html, Charset: 'UTF-8' },
          },
        },
      },
      EmailTags: [{ Name: 'template', Value: 'order-confirmation' }],
    });
  });

  it('names the configuration set only when there is one', () => {
    expect(
      sendEmailInput(message, { from: 'orders@shop.example', configurationSet: 'shop-events' }),
    ).toMatchObject({ ConfigurationSetName: 'shop-events' });
    expect(sendEmailInput(message, { from: 'orders@shop.example' })).not.toHaveProperty(
      'ConfigurationSetName',
    );
  });
});
