import { z } from 'zod';
import { cancellationEmail, cancellationMessage } from './cancellation-email.ts';
import type { OutgoingEmail } from './mailer.ts';
import type { NotificationRef } from './notification.ts';
import { type OrderConfirmationEmail, orderConfirmationEmail } from './order-confirmation.ts';
import { orderConfirmationMessage } from './order-confirmation-message.ts';
import { refundEmail, refundMessage } from './refund-email.ts';
import { returnReceivedEmail, returnReceivedMessage } from './return-received-email.ts';
import { shipmentEmail, shipmentMessage } from './shipment-email.ts';

/** Any notification item, told apart by its `template`: what the send machinery stores and sends. */
export const notificationEmail = z.discriminatedUnion('template', [
  orderConfirmationEmail,
  shipmentEmail,
  refundEmail,
  cancellationEmail,
  returnReceivedEmail,
]);
export type NotificationEmail = z.infer<typeof notificationEmail>;

/** Which notification an item is: its order, template and fulfillment, refund or return. */
export const refOf = (email: NotificationEmail): NotificationRef => {
  switch (email.template) {
    case 'shipment':
      return { orderId: email.orderId, template: email.template, subjectId: email.fulfillmentId };
    case 'refund':
      return { orderId: email.orderId, template: email.template, subjectId: email.refundId };
    case 'return-received':
      return { orderId: email.orderId, template: email.template, subjectId: email.returnId };
    default:
      return { orderId: email.orderId, template: email.template };
  }
};

/** The item as the mailer sends it, by its template (pure). */
export const messageOf = (email: NotificationEmail): OutgoingEmail => {
  switch (email.template) {
    case 'shipment':
      return shipmentMessage(email);
    case 'refund':
      return refundMessage(email);
    case 'cancellation':
      return cancellationMessage(email);
    case 'return-received':
      return returnReceivedMessage(email);
    default:
      return orderConfirmationMessage(email satisfies OrderConfirmationEmail);
  }
};
