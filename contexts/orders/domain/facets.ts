import type { OrderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import { REFUNDS_COUNT, UNREFUNDED } from './payment-status.ts';
import type { OrderStatus, PaymentStatus } from './schemas.ts';

/*
 * How a list reads the facets an order's summary stores beside its status (pure). The summary item is
 * the list row, so these rules are the ones the admin list's FilterExpressions spell out
 * (contexts/orders/data/list-filter.ts), and `test/integration/orders/list-filter.test.ts` holds the two
 * equal over every status and stored value.
 */

/** The refund part of a stored payment status: what only the refunds know. */
const REFUNDED: ReadonlySet<PaymentStatus> = new Set(['partially_refunded', 'refunded']);

/**
 * The payment status a list shows for an order in `status` whose summary stores `stored` (absent: an
 * order stored before the facet was, until `orders-payment-status-v1` writes it). The status decides, but
 * for one whose refunds count (`REFUNDS_COUNT`) the stored facet says whether any were made. So a facet
 * written by a refund that read the order in an earlier status (paid, then canceled) still reads right.
 */
export const listedPaymentStatus = (status: OrderStatus, stored?: PaymentStatus): PaymentStatus =>
  stored && REFUNDED.has(stored) && REFUNDS_COUNT.has(status) ? stored : UNREFUNDED[status];

/**
 * What a list must check of the stored facet to find orders in `status` showing payment status `wanted`:
 * nothing (`all` of them show it, or `none` can), that no refund is stored (`unrefunded`: absent or
 * another value), or that the facet is `wanted` (`stored`).
 */
export type PaymentStatusTest = 'all' | 'none' | 'unrefunded' | 'stored';

/** How orders in `status` showing payment status `wanted` are found (see `PaymentStatusTest`). */
export const paymentStatusTest = (status: OrderStatus, wanted: PaymentStatus): PaymentStatusTest => {
  const refundsCount = REFUNDS_COUNT.has(status);
  if (UNREFUNDED[status] === wanted) return refundsCount ? 'unrefunded' : 'all';
  return refundsCount && REFUNDED.has(wanted) ? 'stored' : 'none';
};

/** The stored payment statuses that say a refund was made (what `unrefunded` excludes). */
export const REFUND_FACETS = [...REFUNDED];

/** The fulfillment status of an order whose summary stores none: no fulfillment ever changed it. */
export const FULFILLMENT_WHEN_ABSENT: OrderFulfillmentStatus = 'unfulfilled';

/** The fulfillment status a list shows for a summary that stores `stored`. */
export const listedFulfillmentStatus = (stored?: OrderFulfillmentStatus): OrderFulfillmentStatus =>
  stored ?? FULFILLMENT_WHEN_ABSENT;
