import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFUND_RETRY_GRACE_SECONDS } from '#contexts/payments/domain/refund-retries.ts';
import { scaled } from '../support/budget.ts';
import {
  busEvents,
  checkout,
  orderReaches,
  pay,
  readyCart,
  stockOf,
  stripeRefunds,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { publishedProduct, stock, type TestProduct } from '../support/store.ts';

/** `POST /admin/orders/{id}/refunds` as the back office sends it (no key when null). */
const refund = (
  orderId: string,
  body: unknown,
  key: string | null = randomUUID(),
  bearer = cloud().tokens.admin,
) =>
  sendJson('POST', `/admin/orders/${orderId}/refunds`, body, bearer, key ? { 'idempotency-key': key } : {});

const refunds = (orderId: string) =>
  sendJson('GET', `/admin/orders/${orderId}/refunds`, undefined, cloud().tokens.admin);

describe('refunds over HTTP: partial, replayed, bounded, raced, failed later', {
  timeout: scaled(120_000),
}, () => {
  let product: TestProduct;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 2000 } }]);
    await stock(product.variantIds[0]!, 100);
    await eventually(async () =>
      (await stockOf(product.variantIds[0]!)).available === 100 ? true : undefined,
    );
  });

  /** A paid guest order of `quantity` units, paid with `method`. */
  const paidOrder = async (quantity: number, method = 'pm_card_visa') => {
    const variantId = product.variantIds[0]!;
    const { cartId, who } = await readyCart([{ variantId, quantity }]);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment, total } = placed.body;
    await pay(payment, method);
    await orderReaches(orderId, { orderToken }, 'paid');
    return {
      orderId: orderId as string,
      orderToken,
      paymentIntentId: payment.paymentIntentId as string,
      total,
    };
  };

  it('refunds part, answers a retry with the same refund, and refuses more than is left', async () => {
    const { orderId, orderToken, paymentIntentId, total } = await paidOrder(2);
    expect(total).toBe(4500);
    expectProblem(await refund(orderId, { amount: 100 }, null), 400, 'idempotency_key_required');
    expectProblem(await refund(orderId, { amount: 0 }), 400, 'validation_failed');

    const key = randomUUID();
    const first = await refund(
      orderId,
      { amount: 1500, reason: 'requested_by_customer', note: 'Scratched' },
      key,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      orderId,
      amount: 1500,
      currency: 'EUR',
      status: 'succeeded',
      note: 'Scratched',
    });
    expect(first.body.providerRefundId).toMatch(/^re_/);
    const again = await refund(
      orderId,
      { amount: 1500, reason: 'requested_by_customer', note: 'Scratched' },
      key,
    );
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(await refund(orderId, { amount: 1600 }, key), 422, 'idempotency_key_reused');
    expectProblem(await refund(orderId, { amount: 3001 }), 422, 'refund_exceeds_refundable');

    const listed = await refunds(orderId);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      orderId,
      currency: 'EUR',
      captured: 4500,
      refunded: 1500,
      refundable: 3000,
    });
    expect(listed.body.items).toEqual([first.body]);
    // Stripe refunded once, whatever the retries; the order is still paid (partly refunded).
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([1500]);
    // The shopper sees it on the order: still paid, partly refunded, with the refund.
    const seen = await orderReaches(orderId, { orderToken }, 'paid');
    expect(seen.payment).toMatchObject({ status: 'partially_refunded', amountRefunded: 1500 });
    expect(seen.refunds).toEqual([
      {
        id: first.body.id,
        amount: 1500,
        status: 'succeeded',
        reason: 'requested_by_customer',
        createdAt: first.body.createdAt,
      },
    ]);
    expect(
      await eventually(async () =>
        (await busEvents('RefundIssued', orderId)).length === 1 ? true : undefined,
      ),
    ).toBe(true);
  });

  it('lets one of two refunds racing for the rest through, and moves the order to refunded', async () => {
    const { orderId, orderToken, paymentIntentId } = await paidOrder(1);
    const answers = await Promise.all([refund(orderId, {}), refund(orderId, {})]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const loser = answers.find((a) => a.status !== 201)!;
    expect(['refund_exceeds_refundable', 'refund_conflict']).toContain(loser.body.code);

    expect((await refunds(orderId)).body).toMatchObject({ captured: 2500, refunded: 2500, refundable: 0 });
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([2500]);
    const refunded = await orderReaches(orderId, { orderToken }, 'refunded');
    expect(refunded.statusHistory.at(-1)).toMatchObject({ status: 'refunded' });
    expect(refunded.payment).toMatchObject({ status: 'refunded', amountRefunded: 2500 });
    expectProblem(await refund(orderId, { amount: 1 }), 422, 'refund_exceeds_refundable');
  });

  it('gives the amount back when Stripe reports the refund failed later', async () => {
    const { orderId, paymentIntentId } = await paidOrder(1, 'pm_card_refundFail');
    const issued = await refund(orderId, { amount: 700 });
    expect(issued.status).toBe(201);
    expect(issued.body.status).toBe('succeeded');
    // Stripe's test card fails the refund a moment later and says so by webhook.
    const failed = await eventually(async () => {
      const listed = (await refunds(orderId)).body;
      return listed.items[0]?.status === 'failed' ? listed : undefined;
    });
    expect(failed).toMatchObject({ refunded: 0, refundable: 2500 });
    expect(failed.items[0]).toMatchObject({ id: issued.body.id, failureReason: 'expired_or_canceled_card' });
    const admin = await sendJson('GET', `/admin/orders/${orderId}`, undefined, cloud().tokens.admin);
    expect(admin.body.payment).toMatchObject({ status: 'paid', amountRefunded: 0 });
    expect(admin.body.refunds).toMatchObject([{ id: issued.body.id, status: 'failed' }]);
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.status)).toEqual(['failed']);
    const onBus = await eventually(async () => (await busEvents('RefundFailed', orderId))[0]);
    expect(onBus).toMatchObject({ refundId: issued.body.id, amount: 700 });
    // The money is refundable again.
    expect((await refund(orderId, { amount: 2500 })).status).toBe(201);
  });

  it('answers 503 while Stripe is down, keeps the refund requested, and refunds once when retried', async () => {
    const { orderId, orderToken, paymentIntentId } = await paidOrder(1);
    const outage = (count: number) =>
      fetch(`${cloud().stripe.apiUrl}/_local/outages`, {
        method: 'POST',
        body: JSON.stringify({ orderId, count }),
      });
    await outage(100);
    const key = randomUUID();
    expectProblem(await refund(orderId, { amount: 900 }, key), 503, 'payment_provider_unavailable');
    // Recorded and counted: the money cannot be refunded twice meanwhile.
    expect((await refunds(orderId)).body).toMatchObject({
      refunded: 900,
      refundable: 1600,
      items: [{ status: 'requested' }],
    });
    expectProblem(await refund(orderId, { amount: 1601 }), 422, 'refund_exceeds_refundable');
    expect(await stripeRefunds(paymentIntentId)).toEqual([]);
    await outage(0);
    const retried = await refund(orderId, { amount: 900 }, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ amount: 900, status: 'succeeded' });
    expect(await refund(orderId, { amount: 900 }, key)).toMatchObject({ status: 201 });
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([900]);
    const seen = await orderReaches(orderId, { orderToken }, 'paid');
    expect(seen.payment).toMatchObject({ status: 'partially_refunded', amountRefunded: 900 });
  });

  it('retries a refund Stripe left requested once Stripe is back, with nobody asking again: refunded once', async () => {
    const { orderId, orderToken, paymentIntentId } = await paidOrder(1);
    const outage = (count: number) =>
      fetch(`${cloud().stripe.apiUrl}/_local/outages`, {
        method: 'POST',
        body: JSON.stringify({ orderId, count }),
      });
    await outage(100);
    const asked = await refund(orderId, { amount: 700 });
    expectProblem(asked, 503, 'payment_provider_unavailable');
    expect((await refunds(orderId)).body.items).toMatchObject([{ status: 'requested', amount: 700 }]);
    await outage(0);

    // The `refundRetries` schedule asks Stripe again once the refund's grace has passed.
    const done = await eventually(
      async () => {
        const list = await refunds(orderId);
        return list.body.items[0]?.status === 'succeeded' ? list.body : undefined;
      },
      REFUND_RETRY_GRACE_SECONDS * 1000 + 30_000,
    );
    expect(done).toMatchObject({ refunded: 700, refundable: done.captured - 700 });
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([700]);
    await eventually(async () => ((await busEvents('RefundIssued', orderId)).length > 0 ? true : undefined));
    expect(await busEvents('RefundIssued', orderId)).toMatchObject([
      { refundId: done.items[0].id, amount: 700 },
    ]);
    const seen = await orderReaches(orderId, { orderToken }, 'paid');
    expect(seen.payment).toMatchObject({ status: 'partially_refunded', amountRefunded: 700 });
  });

  it('refuses an unpaid order, an unknown order, and anyone but the back office', async () => {
    const variantId = product.variantIds[0]!;
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    expectProblem(await refund(placed.body.orderId, {}), 409, 'order_not_refundable');
    expectProblem(await refund(randomUUID(), {}), 404, 'order_not_found');
    expect((await refund(placed.body.orderId, {}, randomUUID(), cloud().tokens.customer)).status).toBe(403);
  });
});
