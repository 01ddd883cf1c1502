import { z } from 'zod';
import { lineText } from '#platform/text/schema.ts';

/*
 * Fulfillments (pure): which units of an order leave from which stock location, and how they travel.
 * An order may be fulfilled in parts; each fulfillment is `open` (picked and packed), `shipped` (handed
 * to a carrier, with tracking), `delivered`, or `canceled` (before it shipped: its units are unfulfilled
 * again).
 */

export const fulfillmentStatus = z.enum(['open', 'shipped', 'delivered', 'canceled']);
export type FulfillmentStatus = z.infer<typeof fulfillmentStatus>;

/** Units of one order line. */
export const fulfillmentLine = z.strictObject({
  lineId: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000),
});
export type FulfillmentLine = z.infer<typeof fulfillmentLine>;

/** What the back office fulfils: lines (each at most once) from one stock location. */
export const fulfillmentRequest = z
  .strictObject({
    locationId: z.string().min(1).max(64),
    lines: z
      .array(fulfillmentLine)
      .min(1)
      .max(100)
      .refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'Each line at most once'),
  })
  .meta({ id: 'FulfillmentRequest' });
export type FulfillmentRequest = z.infer<typeof fulfillmentRequest>;

/** A carrier's shipment of a fulfillment. */
export const shipmentRequest = z
  .strictObject({
    carrier: lineText().trim().min(1).max(60),
    trackingNumber: lineText().trim().min(1).max(100),
    trackingUrl: z
      .url({ protocol: /^https$/ })
      .max(500)
      .optional(),
  })
  .meta({ id: 'ShipmentRequest' });
export type ShipmentRequest = z.infer<typeof shipmentRequest>;

// As stored and answered: the text check is the request's, so shipments written before it still read.
export const shipmentSchema = shipmentRequest
  .extend({
    carrier: z.string().trim().min(1).max(60),
    trackingNumber: z.string().trim().min(1).max(100),
    trackingUrl: z.string().max(500).nullable(),
    shippedAt: z.iso.datetime(),
  })
  .meta({ id: 'Shipment' });
export type Shipment = z.infer<typeof shipmentSchema>;

/** A fulfillment as stored and answered. */
export const fulfillmentSchema = z
  .object({
    id: z.string().max(64),
    orderId: z.string().max(64),
    locationId: z.string().max(64),
    lines: z.array(fulfillmentLine),
    status: fulfillmentStatus,
    shipment: shipmentSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
    canceledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Fulfillment' });
export type Fulfillment = z.infer<typeof fulfillmentSchema>;

/**
 * Where an order's goods are, derived from its fulfillments: `unfulfilled` (no unit in a fulfillment that
 * is not canceled), `partially_fulfilled`, `fulfilled` (every unit in one, not all shipped), `shipped`
 * (every unit shipped or delivered), `delivered` (every unit delivered).
 */
export const orderFulfillmentStatus = z.enum([
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'shipped',
  'delivered',
]);
export type OrderFulfillmentStatus = z.infer<typeof orderFulfillmentStatus>;

/** An order's fulfillments and where its goods are. */
export const fulfillmentListSchema = z
  .object({
    orderId: z.string().max(64),
    status: orderFulfillmentStatus,
    items: z.array(fulfillmentSchema),
  })
  .meta({ id: 'FulfillmentList' });
export type FulfillmentList = z.infer<typeof fulfillmentListSchema>;
