import { z } from 'zod';
import { shippingAddressSchema } from '#contexts/carts/domain/schemas.ts';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { amountSchema } from '#platform/money/schema.ts';
import type { Order } from './domain/schemas.ts';

/** The bus source of every checkout and order event (emitted by the checkout saga through the outbox). */
export const ORDERS_SOURCE = 'commerce.orders' as const;

const orderId = z.string().max(64);
const customerId = z.string().max(128).nullable();
const paymentIntentId = z.string().max(255);

/** `CheckoutStarted`: the checkout transaction reserved the stock and created the order, unpaid. */
export const checkoutStartedData = z.object({
  orderId,
  cartId: z.string().max(64),
  customerId,
  currency: currencyCode,
  grandTotal: amountSchema,
  reservationId: z.string().max(64),
  /** The sales channel (schema version 2; a version 1 event, from before channels, parses as the default). */
  channelId: z.string().max(40).default(DEFAULT_CHANNEL_ID),
});

/** `OrderPlaced`: the order is paid; what a confirmation e-mail or a warehouse needs, without a read. */
export const orderPlacedData = z.object({
  orderId,
  customerId,
  email: z.string().max(254).nullable(),
  currency: currencyCode,
  /**
   * The sales channel, so a warehouse or ERP tells storefronts apart (schema version 2; a version 1
   * event, still queued or replayed, parses as the default channel's).
   */
  channelId: z.string().max(40).default(DEFAULT_CHANNEL_ID),
  grandTotal: amountSchema,
  lines: z
    .array(
      z.object({
        variantId: z.string().max(64),
        sku: z.string().max(64).nullable(),
        title: z.string().max(200).nullable(),
        quantity: z.number().int().positive(),
        total: amountSchema,
      }),
    )
    .max(100),
  shippingAddress: shippingAddressSchema,
  placedAt: z.iso.datetime(),
});

/** `PaymentSucceeded`: Stripe reported the order's PaymentIntent succeeded. */
export const paymentSucceededData = z.object({
  orderId,
  paymentIntentId,
  currency: currencyCode,
  amount: amountSchema,
});

/** `PaymentFailed`: the payment was declined, canceled or errored; the saga gives everything back. */
export const paymentFailedData = z.object({
  orderId,
  paymentIntentId: paymentIntentId.nullable(),
  reason: z.enum(['declined', 'canceled', 'error']),
  /** Stripe's decline or error code when it gave one (`card_declined`, `insufficient_funds`). */
  code: z.string().max(100).nullable(),
});

/** `CheckoutExpired`: no payment arrived in time; the stock and promotion usage were released. */
export const checkoutExpiredData = z.object({
  orderId,
  cartId: z.string().max(64),
  reservationId: z.string().max(64),
  expiredAt: z.iso.datetime(),
});

/** How an unpaid checkout ended when it did not end paid; the order's status says the same. */
export const checkoutEnd = z.enum(['payment_failed', 'expired', 'canceled']);
export type CheckoutEnd = z.infer<typeof checkoutEnd>;

/**
 * `CheckoutFailed`: a checkout ended unpaid (declined, canceled, timed out, or a step failed) and the
 * saga gave everything back: stock, promotion usage, the PaymentIntent canceled (or refunded).
 */
export const checkoutFailedData = z.object({
  orderId,
  cartId: z.string().max(64),
  customerId: z.string().max(128).nullable(),
  status: checkoutEnd,
  /** A stable code: `card_declined`, `payment_canceled`, `timeout`, `checkout_error`, … */
  reason: z.string().max(100),
});

/** `CheckoutStarted` data of a new order. */
export const checkoutStarted = (order: Order): z.infer<typeof checkoutStartedData> => ({
  orderId: order.id,
  cartId: order.cartId,
  customerId: order.customerId,
  currency: order.currency,
  grandTotal: order.totals.grandTotal,
  reservationId: order.reservationId,
  channelId: order.channelId,
});

/** `OrderPlaced` data of a paid order. */
export const orderPlaced = (order: Order, placedAt: string): z.infer<typeof orderPlacedData> => ({
  orderId: order.id,
  customerId: order.customerId,
  email: order.email,
  currency: order.currency,
  channelId: order.channelId,
  grandTotal: order.totals.grandTotal,
  lines: order.lines.map((l) => ({
    variantId: l.variantId,
    sku: l.sku,
    title: l.productTitle && l.title ? `${l.productTitle} – ${l.title}` : (l.productTitle ?? l.title),
    quantity: l.quantity,
    total: l.total,
  })),
  shippingAddress: order.shippingAddress,
  placedAt,
});

/** `OrderCanceled`: a paid order was canceled: refunded, its stock and promotion use given back. */
export const orderCanceledData = z.object({
  orderId,
  customerId,
  /** Who asked: the back office or the customer. */
  by: z.enum(['admin', 'customer']),
  reason: z.string().max(200),
  refunded: amountSchema,
  currency: currencyCode,
  canceledAt: z.iso.datetime(),
});

/**
 * `OrderCancellationFailed`: a cancellation could not refund the payment; the order stays
 * `cancel_pending` (nothing else was undone) for ops to look at and cancel again.
 */
export const orderCancellationFailedData = z.object({
  orderId,
  error: z.string().max(200),
  cause: z.string().max(1000).nullable(),
});

/** `detail.schemaVersion` of `CheckoutStarted` and `OrderPlaced`: 2 since they carry the order's channel. */
export const CHANNEL_EVENTS_VERSION = 2;

/** The checkout and order events as the events catalog lists them. */
export const orderEvents = [
  {
    source: ORDERS_SOURCE,
    detailType: 'CheckoutStarted',
    schema: checkoutStartedData,
    schemaVersion: CHANNEL_EVENTS_VERSION,
  },
  {
    source: ORDERS_SOURCE,
    detailType: 'OrderPlaced',
    schema: orderPlacedData,
    schemaVersion: CHANNEL_EVENTS_VERSION,
  },
  { source: ORDERS_SOURCE, detailType: 'PaymentSucceeded', schema: paymentSucceededData },
  { source: ORDERS_SOURCE, detailType: 'PaymentFailed', schema: paymentFailedData },
  { source: ORDERS_SOURCE, detailType: 'CheckoutExpired', schema: checkoutExpiredData },
  { source: ORDERS_SOURCE, detailType: 'CheckoutFailed', schema: checkoutFailedData },
  { source: ORDERS_SOURCE, detailType: 'OrderCanceled', schema: orderCanceledData },
  { source: ORDERS_SOURCE, detailType: 'OrderCancellationFailed', schema: orderCancellationFailedData },
] as const;
