import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { Order, OrderLine } from '#contexts/orders/domain/schemas.ts';
import { MAX_CART_LINES } from '#contexts/pricing/domain/cart-schemas.ts';
import { formatDecimal } from '#platform/money/decimal.ts';
import { recipientOf } from './errors.ts';
import { decimalText, notificationFields, orderReference } from './notification.ts';

/** The template name of the order confirmation (also the sort key suffix of its notification item). */
export const ORDER_CONFIRMATION_TEMPLATE = 'order-confirmation' as const;

/**
 * The order confirmation e-mail as its notification item holds it: everything a mail template needs,
 * already formatted, so a later send (a redelivery) renders without reading the order again. Once
 * sent, it carries the provider's `messageId` and `sentAt`.
 */
export const orderConfirmationEmail = z.object({
  ...notificationFields,
  template: z.literal(ORDER_CONFIRMATION_TEMPLATE),
  currency: currencyCode,
  lines: z
    .array(
      z.object({ title: z.string().max(403), quantity: z.number().int().positive(), total: decimalText }),
    )
    .min(1)
    .max(MAX_CART_LINES),
  grandTotal: decimalText,
});
export type OrderConfirmationEmail = z.infer<typeof orderConfirmationEmail>;

/** What the shopper saw the line as: "Mug – Size a", or whichever part the snapshot has. */
export const lineTitle = (line: OrderLine): string => {
  if (line.productTitle && line.title) return `${line.productTitle} – ${line.title}`;
  return line.productTitle ?? line.title ?? line.sku ?? line.variantId;
};

/**
 * Renders the confirmation e-mail of a placed order from its immutable snapshot (pure). An order without
 * an e-mail address throws `NotificationUndeliverableError` (`notification_email_missing`).
 */
export const renderOrderConfirmation = (order: Order, now: Date): OrderConfirmationEmail => {
  const to = recipientOf(order);
  const money = (amount: number) => formatDecimal(amount, order.currency);
  const grandTotal = money(order.totals.grandTotal);
  return {
    to,
    template: ORDER_CONFIRMATION_TEMPLATE,
    subject: `Your order ${orderReference(order.id)} is confirmed: ${grandTotal} ${order.currency}`,
    orderId: order.id,
    currency: order.currency,
    lines: order.lines.map((line) => ({
      title: lineTitle(line),
      quantity: line.quantity,
      total: money(line.total),
    })),
    grandTotal,
    status: 'queued',
    createdAt: now.toISOString(),
  };
};
