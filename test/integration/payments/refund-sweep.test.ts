import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { issueRefund, listRefunds, type RefundDeps } from '#contexts/payments/data/issue-refund.ts';
import { paymentKeys } from '#contexts/payments/data/keys.ts';
import { dueRefunds } from '#contexts/payments/data/refund-retry-store.ts';
import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { noOutcomes, retryDueRefunds, type SweepResult } from '#contexts/payments/data/refund-sweep.ts';
import { PaymentProviderUnavailableError } from '#contexts/payments/domain/errors.ts';
import type { PaymentGateway } from '#contexts/payments/domain/gateway.ts';
import { MAX_REFUND_RETRIES, REFUND_RETRY_GRACE_SECONDS } from '#contexts/payments/domain/refund-retries.ts';
import { stripeClient, stripeGateway } from '#contexts/payments/stripe/gateway.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';
import { outboxEvents } from '../../support/outbox.ts';
import { confirmLikeStripeJs } from '../../support/payments.ts';
import { type StripeHarness, startStripe } from '../stripe/harness.ts';

const NOTHING: SweepResult = noOutcomes();
const seconds = (at: Date, s: number) => new Date(at.getTime() + s * 1000);

describe('the refund retry sweep (DynamoDB Local, the production Stripe adapter on a local Stripe)', () => {
  let h: StripeHarness;
  let deps: RefundDeps;

  beforeAll(async () => {
    useLocalDynamo();
    h = await startStripe();
    const gateway: PaymentGateway = stripeGateway(
      stripeClient(
        {
          secretKey: h.local.secretKey,
          publishableKey: h.local.publishableKey,
          webhookSecret: h.local.webhookSecret,
        },
        h.local.apiUrl,
      ),
    );
    const table = await createTestTable();
    deps = { table, orders: new OrderRepository(table), gateway: async () => gateway };
  });
  afterAll(() => h.local.stop());

  /** A paid order whose PaymentIntent the local Stripe holds as succeeded. */
  const paidOrder = async (): Promise<Order> => {
    const placed = sampleOrder({ status: 'paid' });
    const gateway = await deps.gateway();
    const intent = await gateway.createIntent({
      orderId: placed.id,
      amount: placed.totals.grandTotal,
      currency: placed.currency,
    });
    await confirmLikeStripeJs(h.browser, intent.paymentIntentId, intent.clientSecret, 'pm_card_visa');
    const order: Order = {
      ...placed,
      payment: { provider: 'stripe', paymentIntentId: intent.paymentIntentId },
    };
    expect(await transact(orderCreateItems(deps.table, order))).toEqual({ ok: true });
    return order;
  };

  const outage = (orderId: string, count: number) =>
    fetch(`${h.local.apiUrl}/_local/outages`, { method: 'POST', body: JSON.stringify({ orderId, count }) });

  /** A refund of 500 that Stripe could not be reached for: recorded `requested`, the API's 503. */
  const unanswered = async (order: Order, key: string) => {
    await outage(order.id, 1000);
    const recordedAt = new Date();
    await expect(
      issueRefund(deps, order.id, key, { amount: 500, reason: 'requested_by_customer' }, recordedAt),
    ).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    const [stored] = (await readRefunds(deps.table, order.id)).refunds;
    expect(stored?.refund.status).toBe('requested');
    return { refund: stored!.refund, recordedAt };
  };

  const stripeRefundsOf = (order: Order) =>
    h.local.refunds().filter((r) => r.payment_intent === order.payment.paymentIntentId);
  const eventsOf = async (order: Order, type: string) =>
    (await outboxEvents(deps.table)).filter(
      (o) => o.detailType === type && (o.detail as { data: { orderId: string } }).data.orderId === order.id,
    );
  const attemptsOf = async (order: Order, refundId: string) =>
    (
      await documentClient().send(
        new GetCommand({
          TableName: deps.table,
          Key: paymentKeys.refund(order.id, refundId),
          ConsistentRead: true,
        }),
      )
    ).Item?.retryAttempts;
  const isDue = async (order: Order, at: Date) =>
    (await dueRefunds(deps.table, at, 100)).some((d) => d.refund.orderId === order.id);

  it('asks Stripe again once the grace has passed, under the same key: one Stripe refund, RefundIssued once', async () => {
    const order = await paidOrder();
    const { refund, recordedAt } = await unanswered(order, 'key-1');
    const sweep = (at: Date) => retryDueRefunds(deps, () => at);

    // Within the grace the refund is left alone (the request may still be asking Stripe).
    expect(await isDue(order, seconds(recordedAt, REFUND_RETRY_GRACE_SECONDS - 5))).toBe(false);
    const first = seconds(recordedAt, REFUND_RETRY_GRACE_SECONDS + 1);
    expect(await isDue(order, first)).toBe(true);
    // Stripe still down: the attempt is counted, the refund due again a minute later.
    expect(await sweep(first)).toMatchObject({ unavailable: 1, issued: 0 });
    expect(await isDue(order, seconds(first, 59))).toBe(false);
    expect(stripeRefundsOf(order)).toEqual([]);

    await outage(order.id, 0);
    const second = seconds(first, 61);
    expect(await sweep(second)).toMatchObject({ issued: 1, unavailable: 0 });
    const [after] = (await readRefunds(deps.table, order.id)).refunds;
    expect(after?.refund).toMatchObject({ id: refund.id, status: 'succeeded', amount: 500 });
    expect(stripeRefundsOf(order).map((r) => r.amount)).toEqual([500]);
    expect(await eventsOf(order, 'RefundIssued')).toHaveLength(1);
    // Answered: out of the index, nothing more to do, and the request sent again answers the same refund.
    expect(await isDue(order, seconds(second, 86_400))).toBe(false);
    const replay = await issueRefund(deps, order.id, 'key-1', {
      amount: 500,
      reason: 'requested_by_customer',
    });
    expect(replay).toMatchObject({ replayed: true, refund: { id: refund.id, status: 'succeeded' } });
    expect(stripeRefundsOf(order)).toHaveLength(1);
    expect(await eventsOf(order, 'RefundIssued')).toHaveLength(1);
  });

  it(`gives up after ${MAX_REFUND_RETRIES} attempts: failed as provider_unreachable, refundable again, RefundFailed`, async () => {
    const order = await paidOrder();
    const { recordedAt } = await unanswered(order, 'key-2');
    let at = seconds(recordedAt, REFUND_RETRY_GRACE_SECONDS + 1);
    for (let attempt = 1; attempt <= MAX_REFUND_RETRIES; attempt++) {
      expect(await retryDueRefunds(deps, () => at)).toEqual({ ...NOTHING, unavailable: 1 });
      // The next attempt is due after the backoff (an hour at most), not before.
      expect(await isDue(order, at)).toBe(false);
      at = seconds(at, 60 * 60 + 1);
    }
    expect(await retryDueRefunds(deps, () => at)).toEqual({ ...NOTHING, gave_up: 1 });

    const list = await listRefunds(deps, order.id);
    expect(list).toMatchObject({ refunded: 0, refundable: order.totals.grandTotal });
    expect(list.items).toMatchObject([{ status: 'failed', failureReason: 'provider_unreachable' }]);
    expect(await eventsOf(order, 'RefundFailed')).toHaveLength(1);
    expect(stripeRefundsOf(order)).toEqual([]);
    expect(await isDue(order, seconds(at, 86_400))).toBe(false);
    await outage(order.id, 0);
  });

  it('makes each attempt once when two sweeps run at once', async () => {
    const order = await paidOrder();
    const { refund, recordedAt } = await unanswered(order, 'key-3');
    const first = seconds(recordedAt, REFUND_RETRY_GRACE_SECONDS + 1);
    const racing = await Promise.all([
      retryDueRefunds(deps, () => first),
      retryDueRefunds(deps, () => first),
    ]);
    // One made the attempt; the other lost the claim, or read the index after it moved on.
    expect(racing.reduce((n, r) => n + r.unavailable, 0)).toBe(1);
    expect(await attemptsOf(order, refund.id)).toBe(1);

    await outage(order.id, 0);
    const second = seconds(first, 61);
    const both = await Promise.all([
      retryDueRefunds(deps, () => second),
      retryDueRefunds(deps, () => second),
    ]);
    expect(both.reduce((n, r) => n + r.issued, 0)).toBe(1);
    expect(stripeRefundsOf(order)).toHaveLength(1);
    expect(await eventsOf(order, 'RefundIssued')).toHaveLength(1);
  });
});
