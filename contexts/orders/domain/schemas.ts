import { z } from 'zod';
import { cartTotalsSummary, shippingAddressSchema } from '#contexts/carts/domain/schemas.ts';
import { currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { fulfillmentSchema, orderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import { refundSchema } from '#contexts/payments/domain/refunds.ts';
import { MAX_CART_LINES } from '#contexts/pricing/domain/cart-schemas.ts';
import { promotionId } from '#contexts/pricing/domain/promotion-schemas.ts';
import {
  appliedPromotionSchema,
  pricedLineSchema,
  pricedShippingSchema,
} from '#contexts/pricing/domain/totals-schemas.ts';
import { amountSchema } from '#platform/money/schema.ts';

/** Order ids: UUIDs in practice (the saga may derive one from the Idempotency-Key); URL-safe either way. */
export const orderId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Expected an order id');

/**
 * Where an order is in its life (docs/orders.md has the transition table): created `pending_payment`
 * by the checkout transaction, then paid, failed, expired or canceled; a paid order can be refunded, or
 * canceled through `cancel_pending` (refund, stock and promotion use back: the cancellation workflow).
 */
export const orderStatus = z.enum([
  'pending_payment',
  'paid',
  'cancel_pending',
  'payment_failed',
  'expired',
  'canceled',
  'refunded',
]);
export type OrderStatus = z.infer<typeof orderStatus>;

/** One entry of the append-only status history; `reason` is a stable code (`card_declined`, `timeout`). */
export const statusChangeSchema = z.object({
  status: orderStatus,
  at: z.iso.datetime(),
  reason: z.string().max(200).optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/**
 * A line as it was paid for: the pricing engine's figures for it (never recomputed) and what the shopper
 * saw of the variant. Only lines that counted in the totals become order lines, so `unitPrice` is set.
 */
export const orderLineSchema = pricedLineSchema
  .pick({
    variantId: true,
    productId: true,
    quantity: true,
    priceListId: true,
    subtotal: true,
    discounts: true,
    discountTotal: true,
    taxClass: true,
    taxRatePpm: true,
    tax: true,
    total: true,
  })
  .extend({
    /** The cart line it came from. */
    id: z.string().max(64),
    sku: z.string().max(64).nullable(),
    title: z.string().max(200).nullable(),
    productTitle: z.string().max(200).nullable(),
    unitPrice: minorUnits,
  });
export type OrderLine = z.infer<typeof orderLineSchema>;

const shippingFigures = pricedShippingSchema.options[0].omit({ status: true });

/** The shipping option as it was paid for: its id and name when ordered, and the engine's figures. */
export const orderShippingSchema = shippingFigures.extend({ name: z.string().max(120) });
export type OrderShipping = z.infer<typeof orderShippingSchema>;

/** The payment: always Stripe; the PaymentIntent id once the saga created it. */
export const orderPaymentSchema = z.object({
  provider: z.literal('stripe'),
  paymentIntentId: z.string().max(255).optional(),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

/** The fields of an order every reader sees (the stored record adds the guest token's hash). */
const orderFields = {
  id: orderId,
  status: orderStatus,
  statusHistory: z.array(statusChangeSchema).min(1).max(50),
  cartId: z.string().max(64),
  /** The owner; null for a guest order, which answers to its `X-Order-Token` instead. */
  customerId: z.string().max(128).nullable(),
  email: z.string().max(254).nullable(),
  currency: currencyCode,
  /** The sales channel it was placed in (docs/channels.md); orders from before channels are the default's. */
  channelId: z.string().min(1).max(40).default(DEFAULT_CHANNEL_ID),
  /** Tax mode of the figures: true when line prices and shipping already included tax. */
  pricesIncludeTax: z.boolean(),
  lines: z.array(orderLineSchema).min(1).max(MAX_CART_LINES),
  promotions: z.array(appliedPromotionSchema).max(20),
  /** Promotions whose usage the checkout transaction consumed (given back if the payment fails). */
  promotionIds: z.array(promotionId).max(20),
  /** The usage counters the checkout moved (each promotion's total, and per customer where limited). */
  promotionUsage: z
    .array(z.object({ promotionId, scope: z.enum(['total', 'customer']) }))
    .max(40)
    .default([]),
  shipping: orderShippingSchema,
  shippingAddress: shippingAddressSchema,
  totals: cartTotalsSummary,
  payment: orderPaymentSchema,
  reservationId: z.string().max(64),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** An order as stored: one item (docs/orders.md); the snapshot fields never change after creation. */
export const orderRecord = z.object({
  ...orderFields,
  /** SHA-256 of a guest order's token (the token itself is only ever in the checkout response). */
  tokenHash: z.string().max(64).optional(),
});
export type Order = z.infer<typeof orderRecord>;

/**
 * Where the money of an order is, apart from its status: `pending` (awaiting payment), `failed`
 * (declined), `voided` (never paid: expired or canceled unpaid), `paid`, `partially_refunded`,
 * `refunded` (refunds that did not fail add up to what was paid, or Stripe says the charge is refunded).
 */
export const paymentStatus = z.enum([
  'pending',
  'failed',
  'voided',
  'paid',
  'partially_refunded',
  'refunded',
]);
export type PaymentStatus = z.infer<typeof paymentStatus>;

/** A refund as the order shows it (the back office's refund API shows more). */
export const orderRefundSchema = refundSchema
  .pick({ id: true, amount: true, status: true, reason: true, createdAt: true })
  .meta({ id: 'OrderRefund' });
export type OrderRefund = z.infer<typeof orderRefundSchema>;

/** A fulfillment as the order shows it: its units, status, and shipment with tracking. */
export const orderFulfillmentSchema = fulfillmentSchema
  .pick({ id: true, status: true, lines: true, shipment: true, createdAt: true, deliveredAt: true })
  .meta({ id: 'OrderFulfillment' });

/**
 * An order as the API answers it: the stored order, its payment's status and refunds, and its
 * fulfillments with where its goods are.
 */
export const orderSchema = z
  .object({
    ...orderFields,
    payment: orderPaymentSchema.extend({
      status: paymentStatus,
      /** Refunded or on its way back, in minor units of the order's currency. */
      amountRefunded: amountSchema,
    }),
    refunds: z.array(orderRefundSchema).max(100),
    /** Where the goods are: `unfulfilled` … `delivered` (docs/fulfillment.md). */
    fulfillmentStatus: orderFulfillmentStatus,
    fulfillments: z.array(orderFulfillmentSchema).max(100),
  })
  .meta({ id: 'Order' });
export type OrderView = z.infer<typeof orderSchema>;

/**
 * An order in a list: enough to show a row, the whole order is one GET away. Its payment and fulfillment
 * statuses are the facets its summary stores (docs/orders.md#facets), which the admin list filters by.
 */
export const orderSummarySchema = z
  .object({
    id: orderId,
    status: orderStatus,
    customerId: z.string().max(128).nullable(),
    email: z.string().max(254).nullable(),
    currency: currencyCode,
    /** The sales channel it was placed in; the admin list filters by it (`channelId=`). */
    channelId: z.string().max(40).default(DEFAULT_CHANNEL_ID),
    grandTotal: amountSchema,
    itemCount: z.number().int().nonnegative(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    paymentStatus,
    /** Where the goods are: `unfulfilled` … `delivered` (docs/fulfillment.md). */
    fulfillmentStatus: orderFulfillmentStatus,
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** A list row without its facets: what the order itself says. */
export type OrderRow = Omit<OrderSummary, 'paymentStatus' | 'fulfillmentStatus'>;

export const orderPageSchema = z
  .object({ items: z.array(orderSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'OrderPage' });
export type OrderPage = z.infer<typeof orderPageSchema>;
