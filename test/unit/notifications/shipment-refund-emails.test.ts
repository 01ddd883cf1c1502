import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { messageOf, notificationEmail, refOf } from '#contexts/notifications/domain/emails.ts';
import { NotificationUndeliverableError } from '#contexts/notifications/domain/errors.ts';
import { notificationIdOf, parseNotificationId } from '#contexts/notifications/domain/notification.ts';
import { renderRefundEmail } from '#contexts/notifications/domain/refund-email.ts';
import { renderShipmentEmail } from '#contexts/notifications/domain/shipment-email.ts';
import { sampleOrder } from '../../support/orders.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const order = sampleOrder({ status: 'paid' });
const shipment = {
  fulfillmentId: 'ful_AbC-12_x',
  orderId: order.id,
  carrier: 'DHL',
  trackingNumber: '00340434161094042557',
  trackingUrl: 'https://www.dhl.de/track?n=003&lang=de',
  shippedAt: now.toISOString(),
};
const refund = (amount: number, currency: CurrencyCode) => ({
  refundId: 'rf_Zy-9',
  orderId: order.id,
  amount,
  currency,
  reason: 'requested_by_customer' as const,
  providerRefundId: 're_1',
  status: 'succeeded' as const,
});

describe('renderShipmentEmail / shipment message', () => {
  const email = renderShipmentEmail(order, shipment, now);

  it('renders a queued shipment e-mail its schema accepts, keyed by the fulfillment', () => {
    expect(notificationEmail.parse(email)).toEqual(email);
    expect(email).toMatchObject({ to: order.email, template: 'shipment', status: 'queued' });
    expect(notificationIdOf(refOf(email))).toBe('shipment-ful_AbC-12_x');
  });

  it('shows carrier, tracking number and tracking link in both bodies, the link escaped in HTML', () => {
    const { text, html, template } = messageOf(email);
    expect(template).toBe('shipment');
    expect(text).toContain('DHL');
    expect(text).toContain(shipment.trackingNumber);
    expect(text).toContain(shipment.trackingUrl);
    expect(html).toContain(shipment.trackingNumber);
    expect(html).toContain('href="https://www.dhl.de/track?n=003&amp;lang=de"');
  });

  it('escapes a carrier’s markup and never links a tracking URL that is not http(s)', () => {
    const hostile = renderShipmentEmail(
      order,
      { ...shipment, carrier: '<b>Evil</b>', trackingUrl: 'javascript:alert(1)' },
      now,
    );
    const { html } = messageOf(hostile);
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(html).not.toContain('<b>Evil');
    expect(html).not.toContain('href="javascript');
  });
});

describe('renderRefundEmail / refund message', () => {
  it.each([
    [1505, 'EUR', '15.05'],
    [1200, 'JPY', '1200'],
    [1005, 'KWD', '1.005'],
  ] as const)('shows %i minor units of %s as %s with the currency', (amount, currency, text) => {
    const email = renderRefundEmail(order, refund(amount, currency), now);
    expect(notificationEmail.parse(email)).toEqual(email);
    expect(email.subject).toContain(`${text} ${currency}`);
    const message = messageOf(email);
    expect(message.text).toContain(`We refunded ${text} ${currency}.`);
    expect(message.html).toContain(`${text} ${currency}`);
    expect(notificationIdOf(refOf(email))).toBe('refund-rf_Zy-9');
  });
});

describe('notification ids', () => {
  it.each([
    ['order-confirmation', { template: 'order-confirmation' }],
    ['shipment-ful_AbC-12_x', { template: 'shipment', subjectId: 'ful_AbC-12_x' }],
    ['refund-rf_Zy-9', { template: 'refund', subjectId: 'rf_Zy-9' }],
    ['cancellation', { template: 'cancellation' }],
    ['return-received-ret_7', { template: 'return-received', subjectId: 'ret_7' }],
  ] as const)('reads %s and writes it back the same', (id, ref) => {
    const parsed = parseNotificationId('o1', id);
    expect(parsed).toEqual({ orderId: 'o1', ...ref });
    expect(notificationIdOf(parsed!)).toBe(id);
  });

  it.each([
    'invoice',
    'shipment-',
    'refund',
    'order-confirmation-x',
    'shipment-a#b',
    'return-received',
    'cancellation-x',
  ])('refuses %s', (id) => {
    expect(parseNotificationId('o1', id)).toBeUndefined();
  });

  it('refuses to render either e-mail for an order without an address', () => {
    const noEmail = { ...order, email: null };
    expect(() => renderShipmentEmail(noEmail, shipment, now)).toThrow(NotificationUndeliverableError);
    expect(() => renderRefundEmail(noEmail, refund(100, 'EUR'), now)).toThrow(NotificationUndeliverableError);
  });
});
