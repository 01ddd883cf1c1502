import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { fulfillmentStatusOf } from '#contexts/fulfillment/domain/quantities.ts';
import {
  type Fulfillment,
  type OrderFulfillmentStatus,
  orderFulfillmentStatus,
} from '#contexts/fulfillment/domain/schemas.ts';
import type { Refund } from '#contexts/payments/domain/refunds.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { eventCarrier } from '#platform/events/outbox.ts';
import { listedFulfillmentStatus, listedPaymentStatus } from '../domain/facets.ts';
import { amountRefundedOf, paymentStatusOf } from '../domain/payment-status.ts';
import {
  type Order,
  type OrderRow,
  type OrderSummary,
  type OrderView,
  orderRecord,
  orderSummarySchema,
  type PaymentStatus,
  paymentStatus,
} from '../domain/schemas.ts';
import { isListed } from '../domain/status.ts';
import { Entity, orderKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** Which of the status index's buckets an order sits in: a stable small number from its id. */
export const bucketOf = (orderId: string): number => {
  let hash = 0;
  for (const char of orderId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % orderKeys.buckets;
};

/**
 * What changes after an order is placed: kept on its summary item, never on the body. So the body is
 * written once, at the placing (it is the large item: lines, addresses, totals), and every later change
 * (the PaymentIntent, each status move) rewrites only the summary, which is under 1 KB.
 */
export const STATE_FIELDS = ['status', 'statusHistory', 'payment', 'version', 'updatedAt'] as const;
type StateField = (typeof STATE_FIELDS)[number];

/** The order's state as the summary item holds it. */
export const orderState = (order: Order): Pick<Order, StateField> => ({
  status: order.status,
  statusHistory: order.statusHistory,
  payment: order.payment,
  version: order.version,
  updatedAt: order.updatedAt,
});

/** The order's body: its snapshot as placed, without the state, under its primary key only. */
export const orderItem = (order: Order): Item => {
  const body: Item = { ...orderKeys.order(order.id), entity: Entity.order, ...order };
  for (const field of STATE_FIELDS) delete body[field];
  return body;
};

/**
 * The order its items hold. The summary's state wins, field by field: an order placed before the state
 * moved to the summary keeps it on its body, and its summary (if any) has only some of those fields
 * (status, version, updatedAt, always equal to the body's) until its first change since
 * (`OrderRepository.getForUpdate`).
 */
export const orderFromItems = (body: Item, summary?: Item): Order => {
  const state = Object.fromEntries(
    STATE_FIELDS.filter((f) => summary?.[f] !== undefined).map((f) => [f, summary![f]]),
  );
  return orderRecord.parse({ ...body, ...state });
};

/** A body that still holds the state: stored before the state moved to the summary. */
export const isLegacyBody = (body: Item) => body.statusHistory !== undefined;

/** The order a legacy body item holds on its own (keys and the entity tag dropped). */
export const orderFromItem = (item: Item): Order => orderRecord.parse(item);

/** The order as the API shows it: the guest token's hash never leaves the table. */
export const orderView = (order: Order, related: OrderRelated = NOTHING_RELATED): OrderView => {
  const { tokenHash: _hidden, ...view } = order;
  const refunded = amountRefundedOf(related.refunds, related.providerRefunded);
  const lines = order.lines.map((l) => ({ id: l.id, quantity: l.quantity }));
  return {
    ...view,
    payment: { ...order.payment, status: paymentStatusOf(order, refunded), amountRefunded: refunded },
    refunds: related.refunds.map(({ id, amount, status, reason, createdAt }) => ({
      id,
      amount,
      status,
      reason,
      createdAt,
    })),
    fulfillmentStatus: fulfillmentStatusOf(lines, related.fulfillments),
    fulfillments: related.fulfillments.map(({ id, status, lines, shipment, createdAt, deliveredAt }) => ({
      id,
      status,
      lines,
      shipment,
      createdAt,
      deliveredAt,
    })),
  };
};

/** What other contexts hold about an order: its refunds (payment partition) and fulfillments. */
export interface OrderRelated {
  readonly refunds: readonly Refund[];
  /** What Stripe last reported refunded of the charge (dashboard refunds included). */
  readonly providerRefunded: number;
  readonly fulfillments: readonly Fulfillment[];
}

/** An order with no refund and no fulfillment. */
export const NOTHING_RELATED: OrderRelated = { refunds: [], providerRefunded: 0, fulfillments: [] };

/** A list row of an order, without its facets. */
export const orderSummary = (order: Order): OrderRow => ({
  id: order.id,
  status: order.status,
  customerId: order.customerId,
  email: order.email,
  currency: order.currency,
  channelId: order.channelId,
  grandTotal: order.totals.grandTotal,
  itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
});

/** The index keys of an order's summary in `status`: gsi1 for a customer's orders, gsi2 if listed. */
export const summaryIndexKeys = (summary: OrderRow) => ({
  ...(summary.customerId ? orderKeys.byCustomer(summary.customerId, summary.createdAt, summary.id) : {}),
  ...(isListed(summary.status)
    ? orderKeys.byStatus(summary.status, bucketOf(summary.id), summary.createdAt, summary.id)
    : {}),
});

/** What the summary stores of the other contexts' state, so the back office can filter lists by it. */
export interface OrderFacets {
  /** Where the money is (`paymentStatusOf`), written when a refund changes it. */
  readonly paymentStatus?: PaymentStatus;
  /** Where the goods are (`fulfillmentStatusOf`), written when a fulfillment changes it. */
  readonly fulfillmentStatus?: OrderFulfillmentStatus;
}

/**
 * The order's summary item: its list row with the index keys (gsi1 for a customer's orders, guests have
 * none; gsi2 for the admin list in a listed status only, none while `pending_payment`), its state
 * (history, payment, version) and the facets given (the placing stores its payment status; an order
 * moved from an older design gets none, `orders-payment-status-v1` works them out). Both sort keys are
 * the creation time, which never changes. Under 1 KB, so each change costs 1 WCU, with both facets and an
 * e-mail up to 170 characters for an order refunded in full (3 history entries), up to 80 for one
 * canceled after paying (4 entries); each further history entry adds about 70 bytes.
 */
export const summaryItem = (order: Order, facets: OrderFacets = {}): Item => {
  const { channelId, ...summary } = orderSummary(order);
  return {
    ...orderKeys.summary(summary.id),
    ...summaryIndexKeys({ ...summary, channelId }),
    entity: Entity.orderSummary,
    ...summary,
    // Absent for the default channel (what a summary without it reads as), so most summaries keep
    // their 1 WCU room; another channel's id takes up to 50 bytes of the e-mail's share.
    ...(channelId === DEFAULT_CHANNEL_ID ? {} : { channelId }),
    ...facets,
    statusHistory: order.statusHistory,
    payment: order.payment,
    version: order.version,
  };
};

/** A row with the facets a list shows for what its summary stores (absent: see `listedPaymentStatus`). */
const withFacets = (row: OrderRow, stored: Item = {}): OrderSummary => ({
  ...row,
  paymentStatus: listedPaymentStatus(row.status, paymentStatus.safeParse(stored.paymentStatus).data),
  fulfillmentStatus: listedFulfillmentStatus(orderFulfillmentStatus.safeParse(stored.fulfillmentStatus).data),
});

const orderRowSchema = orderSummarySchema.omit({ paymentStatus: true, fulfillmentStatus: true });

/** The list row a summary item holds (keys, entity, state dropped; its facets as the list reads them). */
export const summaryFromItem = (item: Item): OrderSummary => withFacets(orderRowSchema.parse(item), item);

/**
 * The list row of an index entry: a summary, or the body of an order stored before summaries existed
 * (it carried the index keys then) until `ordersStateV2` has moved them to its summary. Never both:
 * the backfill and the first change of such an order write the summary and drop the body's keys in one
 * transaction.
 */
export const listRowOf = (item: Item): OrderSummary =>
  item.entity === Entity.order ? withFacets(orderSummary(orderFromItem(item))) : summaryFromItem(item);

/**
 * The checkout transaction's Puts of a new order, its body then its summary, each
 * `attribute_not_exists(pk)`: a retried placing transaction can never write the order twice (its
 * cancellation reasons say the order exists).
 */
export const orderCreateItems = (table: string, order: Order): [TransactItem, TransactItem] => {
  const record = orderRecord.parse(order);
  const put = (Item: Item): TransactItem => ({
    Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  // The body is written once and no index projects it: it can carry the placing's events.
  const placed = summaryItem(record, { paymentStatus: paymentStatusOf(record, 0) });
  return [eventCarrier(put(orderItem(record))), put(placed)];
};
