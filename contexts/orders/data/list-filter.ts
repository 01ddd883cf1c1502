import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import type { OrderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import {
  FULFILLMENT_WHEN_ABSENT,
  type PaymentStatusTest,
  paymentStatusTest,
  REFUND_FACETS,
} from '../domain/facets.ts';
import type { AdminOrdersQuery } from '../domain/queries.ts';
import { type OrderStatus, orderStatus, type PaymentStatus } from '../domain/schemas.ts';

/** A Query's FilterExpression with the names and values it uses (DynamoDB refuses unused ones). */
export interface SummaryFilter {
  readonly expression: string;
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The admin list's filters that are not in an index key. */
export type FacetFilters = Pick<
  AdminOrdersQuery,
  'status' | 'paymentStatus' | 'fulfillmentStatus' | 'channelId'
>;

const STATUS = { '#status': 'status' };
const PAYMENT = { '#paymentStatus': 'paymentStatus' };

/** Absent, or a value that records no refund: the order shows its status's unrefunded payment status. */
const unrefunded = (): SummaryFilter => ({
  expression: `attribute_not_exists(#paymentStatus) OR NOT (#paymentStatus IN (${REFUND_FACETS.map((_, i) => `:refund${i}`).join(', ')}))`,
  names: PAYMENT,
  values: Object.fromEntries(REFUND_FACETS.map((facet, i) => [`:refund${i}`, facet])),
});

const stored = (wanted: PaymentStatus): SummaryFilter => ({
  expression: '#paymentStatus = :paymentStatus',
  names: PAYMENT,
  values: { ':paymentStatus': wanted },
});

/** Each part in parentheses, joined by `operator`; undefined when there is none. */
const join = (parts: readonly SummaryFilter[], operator: 'AND' | 'OR'): SummaryFilter | undefined =>
  parts.length === 0
    ? undefined
    : {
        expression: parts
          .map((p) => (parts.length > 1 ? `(${p.expression})` : p.expression))
          .join(` ${operator} `),
        names: Object.assign({}, ...parts.map((p) => p.names)),
        values: Object.assign({}, ...parts.map((p) => p.values)),
      };

/** `#status IN (…)` over `statuses`, its values named after `test`. */
const statusIn = (statuses: readonly OrderStatus[], test: string): SummaryFilter => ({
  expression: `#status IN (${statuses.map((_, i) => `:${test}${i}`).join(', ')})`,
  names: STATUS,
  values: Object.fromEntries(statuses.map((status, i) => [`:${test}${i}`, status])),
});

/**
 * The payment-status part for items in `status` (one gsi2 bucket), or in any status (a customer's
 * partition): there, statuses are grouped by what their test checks. null: no item can match.
 */
const paymentPart = (wanted: PaymentStatus, status?: OrderStatus): SummaryFilter | undefined | null => {
  const check = (test: PaymentStatusTest) =>
    test === 'unrefunded' ? unrefunded() : test === 'stored' ? stored(wanted) : undefined;
  if (status) {
    const test = paymentStatusTest(status, wanted);
    return test === 'none' ? null : check(test);
  }
  const groups = (['all', 'unrefunded', 'stored'] as const)
    .map((test) => ({
      test,
      statuses: orderStatus.options.filter((s) => paymentStatusTest(s, wanted) === test),
    }))
    .filter((group) => group.statuses.length > 0);
  const terms = groups.map(({ test, statuses }) => {
    const extra = check(test);
    return join([statusIn(statuses, test), ...(extra ? [extra] : [])], 'AND')!;
  });
  return join(terms, 'OR') ?? null;
};

/** Orders of a channel; a summary stored before channels holds none and is the default channel's. */
const channelPart = (channelId: string): SummaryFilter => ({
  expression:
    channelId === DEFAULT_CHANNEL_ID
      ? 'attribute_not_exists(#channelId) OR #channelId = :channelId'
      : '#channelId = :channelId',
  names: { '#channelId': 'channelId' },
  values: { ':channelId': channelId },
});

const fulfillmentPart = (wanted: OrderFulfillmentStatus): SummaryFilter => ({
  // Nothing stored: no fulfillment ever changed the order (or it was stored before the facet was).
  expression:
    wanted === FULFILLMENT_WHEN_ABSENT
      ? 'attribute_not_exists(#fulfillmentStatus) OR #fulfillmentStatus = :fulfillmentStatus'
      : '#fulfillmentStatus = :fulfillmentStatus',
  names: { '#fulfillmentStatus': 'fulfillmentStatus' },
  values: { ':fulfillmentStatus': wanted },
});

/**
 * The FilterExpression of the admin list's Query of one index partition. `indexed` is the status every
 * item of the partition is in (a gsi2 bucket); absent for a customer's partition (gsi1), which holds
 * every status, so a status filter is part of the expression there. Answers undefined when there is
 * nothing to filter, and null when no item of the partition can match (the list does not read it).
 */
export const summaryFilter = (
  filters: FacetFilters,
  indexed?: OrderStatus,
): SummaryFilter | undefined | null => {
  const parts: SummaryFilter[] = [];
  if (filters.status && !indexed)
    parts.push({ expression: '#status = :status', names: STATUS, values: { ':status': filters.status } });
  if (filters.paymentStatus) {
    const payment = paymentPart(filters.paymentStatus, indexed ?? filters.status);
    if (payment === null) return null;
    if (payment) parts.push(payment);
  }
  if (filters.fulfillmentStatus) parts.push(fulfillmentPart(filters.fulfillmentStatus));
  if (filters.channelId) parts.push(channelPart(filters.channelId));
  return join(parts, 'AND');
};
