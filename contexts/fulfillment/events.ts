import { z } from 'zod';
import { fulfillmentLine } from './domain/schemas.ts';

/** The bus source of the fulfillment events. */
export const FULFILLMENT_SOURCE = 'commerce.fulfillment' as const;

const ids = { fulfillmentId: z.string().max(64), orderId: z.string().max(64) };

/** `FulfillmentCreated`: units of an order are picked to leave from a stock location. */
export const fulfillmentCreatedData = z.object({
  ...ids,
  locationId: z.string().max(64),
  lines: z.array(fulfillmentLine).max(100),
});

/** `ShipmentCreated`: a fulfillment was handed to a carrier; what a shipping e-mail needs. */
export const shipmentCreatedData = z.object({
  ...ids,
  carrier: z.string().max(60),
  trackingNumber: z.string().max(100),
  trackingUrl: z.string().max(500).nullable(),
  shippedAt: z.iso.datetime(),
});

/** `FulfillmentCanceled`: a fulfillment that had not shipped was canceled; its units are to fulfil again. */
export const fulfillmentCanceledData = z.object({ ...ids, canceledAt: z.iso.datetime() });

/** `FulfillmentDelivered`: the carrier delivered a fulfillment. */
export const fulfillmentDeliveredData = z.object({ ...ids, deliveredAt: z.iso.datetime() });

/** `OrderFulfilled`: every unit of the order has shipped (emitted once, by the shipment that did it). */
export const orderFulfilledData = z.object({ orderId: z.string().max(64), fulfilledAt: z.iso.datetime() });

/** `ReturnRequested`: the customer (or the back office for them) is sending shipped units back. */
export const returnRequestedData = z.object({
  returnId: z.string().max(64),
  orderId: z.string().max(64),
  by: z.enum(['customer', 'admin']),
  lines: z
    .array(
      z.object({
        lineId: z.string().max(64),
        quantity: z.number().int().positive(),
        reason: z.string().max(40),
      }),
    )
    .max(100),
});

/** `ReturnReceived`: the returned units arrived: restocked at a location or discarded; what it refunds. */
export const returnReceivedData = z.object({
  returnId: z.string().max(64),
  orderId: z.string().max(64),
  lines: z
    .array(
      z.object({
        lineId: z.string().max(64),
        quantity: z.number().int().positive(),
        condition: z.enum(['restock', 'discard']).nullable(),
        locationId: z.string().max(64).nullable(),
      }),
    )
    .max(100),
  refundAmount: z.number().int().nonnegative(),
});

/** The fulfillment events as the events catalog lists them. */
export const fulfillmentEvents = [
  { source: FULFILLMENT_SOURCE, detailType: 'FulfillmentCreated', schema: fulfillmentCreatedData },
  { source: FULFILLMENT_SOURCE, detailType: 'ShipmentCreated', schema: shipmentCreatedData },
  { source: FULFILLMENT_SOURCE, detailType: 'FulfillmentCanceled', schema: fulfillmentCanceledData },
  { source: FULFILLMENT_SOURCE, detailType: 'FulfillmentDelivered', schema: fulfillmentDeliveredData },
  { source: FULFILLMENT_SOURCE, detailType: 'OrderFulfilled', schema: orderFulfilledData },
  { source: FULFILLMENT_SOURCE, detailType: 'ReturnRequested', schema: returnRequestedData },
  { source: FULFILLMENT_SOURCE, detailType: 'ReturnReceived', schema: returnReceivedData },
] as const;
