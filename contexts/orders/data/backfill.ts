import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import type { Backfill } from '#platform/data/backfill.ts';
import { amountRefundedOf, paymentStatusOf, REFUNDS_COUNT, UNREFUNDED } from '../domain/payment-status.ts';
import { orderStatus } from '../domain/schemas.ts';
import { isLegacyBody } from './items.ts';
import { Entity, orderKeys } from './keys.ts';
import { legacyOrderMigration } from './transitions.ts';

/**
 * `orders-state-v2`: orders stored before this design keep their state (status, history, payment,
 * version) on their body, and the oldest also the index keys (gsi1 for the customer, gsi2
 * `ORDERS#status#<status>#<0..3>`, pending orders included). For each such body, one transaction writes
 * its summary (list row, state, and the index keys of this design: 16 buckets, listed statuses only) and
 * strips the body to its snapshot (`legacyOrderMigration`), so the order moves from one index entry to the
 * other at once and is never listed twice. A body without state is done: the placing, the first change
 * since this design (`getForUpdate`) or an earlier run moved it, so `migrate` answers nothing and a second
 * run writes nothing. A concurrent move cancels the pair, and the runner reads the body again.
 */
export const ordersStateV2: Backfill = {
  name: 'orders-state-v2',
  description: 'Orders: each order body stored with its state gives it (and any index keys) to its summary',
  entities: [Entity.order],
  migrate: (table, item) => (isLegacyBody(item) ? legacyOrderMigration(table, item) : []),
};

/**
 * `orders-payment-status-v1`: each summary stored without a payment status gets it, worked out as the
 * order view does: from the status, and for a status whose refunds count from the order's refunds
 * (1 Query of its payment partition). The Update is conditional on the facet still being absent (a
 * refund or a move since wrote it) and on the version read (a move since changed the status), so a
 * concurrent change makes the runner read the summary again; a summary with the facet gets nothing. A
 * summary without state waits for `orders-state-v2` (which runs first) or its order's first change.
 */
export const ordersPaymentStatusV1: Backfill = {
  name: 'orders-payment-status-v1',
  description: 'Orders: each summary stored without its payment status gets it (from its status and refunds)',
  entities: [Entity.orderSummary],
  migrate: async (table, item) => {
    const status = orderStatus.safeParse(item.status).data;
    if (!status || item.paymentStatus !== undefined || item.statusHistory === undefined) return [];
    const orderId = String(item.id);
    const totals = { grandTotal: Number(item.grandTotal) };
    const paymentStatus = REFUNDS_COUNT.has(status)
      ? await readRefunds(table, orderId).then((ledger) =>
          paymentStatusOf(
            { status, totals },
            amountRefundedOf(
              ledger.refunds.map((r) => r.refund),
              ledger.providerRefunded,
            ),
          ),
        )
      : UNREFUNDED[status];
    return [
      {
        Update: {
          TableName: table,
          Key: orderKeys.summary(orderId),
          UpdateExpression: 'SET paymentStatus = :paymentStatus',
          ConditionExpression: 'attribute_not_exists(paymentStatus) AND #version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':paymentStatus': paymentStatus, ':version': item.version },
        },
      },
    ];
  },
};
