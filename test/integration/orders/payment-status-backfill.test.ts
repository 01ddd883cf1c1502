import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfills } from '#app/backfills.ts';
import { ordersPaymentStatusV1, ordersStateV2 } from '#contexts/orders/data/backfill.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import type { Order, OrderStatus, PaymentStatus } from '#contexts/orders/domain/schemas.ts';
import { recordRefund } from '#contexts/payments/data/refund-store.ts';
import { recordPaymentResult } from '#contexts/payments/data/result-store.ts';
import { runBackfill } from '#platform/data/backfill.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

const summaryOf = async (table: string, orderId: string) =>
  (
    await documentClient().send(
      new GetCommand({ TableName: table, Key: orderKeys.summary(orderId), ConsistentRead: true }),
    )
  ).Item;

/** The summary as a release before the facet stored it. */
const forgetFacet = (table: string, orderId: string) =>
  documentClient().send(
    new UpdateCommand({
      TableName: table,
      Key: orderKeys.summary(orderId),
      UpdateExpression: 'REMOVE paymentStatus',
    }),
  );

/** A refund of the refund API, recorded as it records one (its facet forgotten below). */
const refundOf = async (table: string, order: Order, amount: number) => {
  const at = new Date().toISOString();
  const refund = {
    id: `rf_${randomUUID()}`,
    orderId: order.id,
    amount,
    currency: order.currency,
    reason: 'requested_by_customer' as const,
    note: null,
    status: 'succeeded' as const,
    providerRefundId: `re_${randomUUID()}`,
    failureReason: null,
    createdAt: at,
    updatedAt: at,
  };
  expect(await recordRefund(table, refund, 'print', 0, 'paid')).toBe('recorded');
};

/** What Stripe reported of the charge (a refund made in its dashboard). */
const providerRefund = async (table: string, order: Order, amountRefunded: number) =>
  expect(
    await recordPaymentResult(table, {
      orderId: order.id,
      outcome: 'refunded',
      paymentIntentId: `pi_${randomUUID()}`,
      eventId: `evt_${randomUUID()}`,
      eventType: 'charge.refunded',
      eventCreated: 1,
      recordedAt: new Date().toISOString(),
      amount: order.totals.grandTotal,
      currency: order.currency,
      amountRefunded,
    }),
  ).toBe('recorded');

describe('orders-payment-status-v1 backfill', () => {
  let table: string;
  const cases: { name: string; status: OrderStatus; expected: PaymentStatus; order?: Order }[] = [
    { name: 'paid, nothing refunded', status: 'paid', expected: 'paid' },
    { name: 'paid, refunded in part', status: 'paid', expected: 'partially_refunded' },
    { name: 'paid, refunded in part in Stripe’s dashboard', status: 'paid', expected: 'partially_refunded' },
    { name: 'canceled after paying, refunded', status: 'canceled', expected: 'refunded' },
    { name: 'canceled unpaid', status: 'canceled', expected: 'voided' },
    { name: 'expired', status: 'expired', expected: 'voided' },
    { name: 'awaiting payment', status: 'pending_payment', expected: 'pending' },
  ];

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    for (const c of cases) {
      c.order = sampleOrder({ customerId: `cust-${randomUUID()}`, status: c.status });
      expect(await transact(orderCreateItems(table, c.order))).toEqual({ ok: true });
    }
    const [, partly, dashboard, canceledPaid] = cases.map((c) => c.order!);
    await refundOf(table, partly!, 400);
    await providerRefund(table, dashboard!, 500);
    await refundOf(table, canceledPaid!, canceledPaid!.totals.grandTotal);
    for (const c of cases) await forgetFacet(table, c.order!.id);
  });

  it('is registered for `npm run backfill` after orders-state-v2, over summaries only', () => {
    expect(backfills.indexOf(ordersPaymentStatusV1)).toBeGreaterThan(backfills.indexOf(ordersStateV2));
    expect(ordersPaymentStatusV1).toMatchObject({
      name: 'orders-payment-status-v1',
      entities: ['ORDER_SUMMARY'],
    });
  });

  it('stores on each summary the payment status its order shows, once', async () => {
    // One summary that stores it already (written since the release) gets nothing.
    const since = sampleOrder({ customerId: `cust-${randomUUID()}`, status: 'paid' });
    expect(await transact(orderCreateItems(table, since))).toEqual({ ok: true });
    expect(await runBackfill(table, ordersPaymentStatusV1, { segments: 2 })).toMatchObject({
      scanned: cases.length + 1,
      migrated: cases.length,
    });
    for (const c of cases)
      expect((await summaryOf(table, c.order!.id))?.paymentStatus, c.name).toBe(c.expected);
    expect((await summaryOf(table, since.id))?.paymentStatus).toBe('paid');
    const again = await runBackfill(table, {
      ...ordersPaymentStatusV1,
      name: 'orders-payment-status-v1-again',
    });
    expect(again).toMatchObject({ migrated: 0 });
  });

  it('writes nothing for a summary that moved since it was read', async () => {
    const order = sampleOrder({ customerId: `cust-${randomUUID()}` });
    expect(await transact(orderCreateItems(table, order))).toEqual({ ok: true });
    await forgetFacet(table, order.id);
    const read = (await summaryOf(table, order.id))!;
    const writes = await ordersPaymentStatusV1.migrate(table, read);
    expect(writes).toHaveLength(1);
    const at = new Date().toISOString();
    expect(await transact(orderTransitionItems(table, order, ['pending_payment'], 'paid', at))).toEqual({
      ok: true,
    });
    expect(await transact(writes)).toMatchObject({ ok: false });
    expect((await summaryOf(table, order.id))?.paymentStatus).toBe('paid');
  });
});
