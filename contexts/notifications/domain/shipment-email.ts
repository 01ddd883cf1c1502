import { z } from 'zod';
import type { shipmentCreatedData } from '#contexts/fulfillment/events.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { recipientOf } from './errors.ts';
import { escapeHtml, htmlPage } from './html.ts';
import type { OutgoingEmail } from './mailer.ts';
import { notificationFields, orderReference } from './notification.ts';

/** The template name of the shipment e-mail (one per fulfillment). */
export const SHIPMENT_TEMPLATE = 'shipment' as const;

/** The shipment e-mail as its notification item holds it: the carrier and tracking of one fulfillment. */
export const shipmentEmail = z.object({
  ...notificationFields,
  template: z.literal(SHIPMENT_TEMPLATE),
  fulfillmentId: z.string().max(64),
  carrier: z.string().max(60),
  trackingNumber: z.string().max(100),
  trackingUrl: z.string().max(500).nullable(),
  shippedAt: z.iso.datetime(),
});
export type ShipmentEmail = z.infer<typeof shipmentEmail>;

/** What a `ShipmentCreated` event says about the shipment. */
export type Shipment = z.infer<typeof shipmentCreatedData>;

/**
 * Renders the "your order is on its way" e-mail of a shipment (pure). An order without an e-mail
 * address throws `NotificationUndeliverableError` (`notification_email_missing`).
 */
export const renderShipmentEmail = (order: Order, shipment: Shipment, now: Date): ShipmentEmail => {
  const to = recipientOf(order);
  return {
    to,
    template: SHIPMENT_TEMPLATE,
    subject: `Your order ${orderReference(order.id)} is on its way`,
    orderId: order.id,
    fulfillmentId: shipment.fulfillmentId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    shippedAt: shipment.shippedAt,
    status: 'queued',
    createdAt: now.toISOString(),
  };
};

/** Only http(s) links become a link: anything else (`javascript:`) is shown as text, never followed. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** The shipment e-mail as the mailer sends it (pure): every value HTML-escaped in the HTML body. */
export const shipmentMessage = (email: ShipmentEmail): OutgoingEmail => {
  const { carrier, trackingNumber, trackingUrl } = email;
  const text = [
    'Your order is on its way.',
    '',
    `Order ${email.orderId}`,
    `Carrier: ${carrier}`,
    `Tracking number: ${trackingNumber}`,
    ...(trackingUrl ? [`Track it: ${trackingUrl}`] : []),
    '',
  ].join('\n');
  const link =
    trackingUrl && isWebLink(trackingUrl)
      ? `<p><a href="${escapeHtml(trackingUrl)}">Track your parcel</a></p>`
      : '';
  const html = htmlPage(
    email.subject,
    [
      '<p>Your order is on its way.</p>',
      `<p>Order <strong>${escapeHtml(email.orderId)}</strong></p>`,
      `<p>Carrier: ${escapeHtml(carrier)}<br>Tracking number: <strong>${escapeHtml(trackingNumber)}</strong></p>`,
      link,
    ].join(''),
  );
  return { to: email.to, subject: email.subject, text, html, template: email.template };
};
