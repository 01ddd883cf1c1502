import { returnReceivedData, shipmentCreatedData } from '#contexts/fulfillment/events.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { orderCanceledData, orderPlacedData } from '#contexts/orders/events.ts';
import { refundIssuedData } from '#contexts/payments/events.ts';
import { renderCancellationEmail } from './cancellation-email.ts';
import type { NotificationEmail } from './emails.ts';
import { renderOrderConfirmation } from './order-confirmation.ts';
import { renderRefundEmail } from './refund-email.ts';
import { renderReturnReceivedEmail } from './return-received-email.ts';
import { renderShipmentEmail } from './shipment-email.ts';

/** Renders an order's e-mail from the order (pure; throws when it has no address). */
export type RenderFromOrder = (order: Order, now: Date) => NotificationEmail;

/** Which order an event's e-mail goes to, and how to render it from that order. */
export interface NotificationOfEvent {
  readonly orderId: string;
  readonly render: RenderFromOrder;
}

/**
 * The e-mail each event the `notifications` queue receives calls for, by detail-type: its data parsed
 * with the emitter's own schema (a malformed event throws).
 */
export const notificationEvents = {
  OrderPlaced: (data: unknown): NotificationOfEvent => {
    const { orderId } = orderPlacedData.parse(data);
    return { orderId, render: renderOrderConfirmation };
  },
  ShipmentCreated: (data: unknown): NotificationOfEvent => {
    const shipment = shipmentCreatedData.parse(data);
    return { orderId: shipment.orderId, render: (order, now) => renderShipmentEmail(order, shipment, now) };
  },
  RefundIssued: (data: unknown): NotificationOfEvent => {
    const refund = refundIssuedData.parse(data);
    return { orderId: refund.orderId, render: (order, now) => renderRefundEmail(order, refund, now) };
  },
  OrderCanceled: (data: unknown): NotificationOfEvent => {
    const canceled = orderCanceledData.parse(data);
    return {
      orderId: canceled.orderId,
      render: (order, now) => renderCancellationEmail(order, canceled, now),
    };
  },
  ReturnReceived: (data: unknown): NotificationOfEvent => {
    const received = returnReceivedData.parse(data);
    return {
      orderId: received.orderId,
      render: (order, now) => renderReturnReceivedEmail(order, received, now),
    };
  },
} as const;
