import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import {
  busEvents,
  cartCall,
  checkout,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stocked,
  stockOf,
  stripeRefunds,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { adminSend, publishedProduct, stock, type TestProduct, testLocation } from '../support/store.ts';

const adminCancel = (orderId: string, reason: string, key: string | null = randomUUID()) =>
  sendJson(
    'POST',
    `/admin/orders/${orderId}/cancel`,
    { reason },
    cloud().tokens.admin,
    key ? { 'idempotency-key': key } : {},
  );

const customerCancel = (orderId: string, orderToken: string, key = randomUUID()) =>
  sendJson('POST', `/orders/${orderId}/cancel`, { reason: 'changed my mind' }, undefined, {
    'idempotency-key': key,
    'x-order-token': orderToken,
  });

describe('order cancellation over HTTP: refund, stock and promotion use back, once', {
  timeout: scaled(180_000),
}, () => {
  let product: TestProduct;
  let variantId: string;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1200 } }]);
    variantId = product.variantIds[0]!;
    await stocked(variantId, 100);
  });

  const paidOrder = async (quantity: number, code?: string) => {
    const { cartId, who } = await readyCart([{ variantId, quantity }], code ? { code } : {});
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment } = placed.body;
    await pay(payment, 'pm_card_visa');
    const order = await orderReaches(orderId, { orderToken }, 'paid');
    return {
      orderId: orderId as string,
      orderToken: orderToken as string,
      paymentIntentId: payment.paymentIntentId as string,
      order,
    };
  };

  it('cancels a paid order once: refunded, its units back on the shelf, its promotion use given back', async () => {
    const code = `CX${randomUUID().slice(0, 8).toUpperCase()}`;
    const promotion = await adminSend('POST', '/admin/promotions', {
      name: 'Ten off',
      type: 'percentage',
      percentBps: 1000,
      combinable: true,
      code,
      usageLimit: 10,
    });
    expect(promotion.status).toBe(201);
    const usage = async () =>
      (await adminSend('GET', `/admin/promotions/${promotion.body.id}`)).body.usage.total;
    const before = (await stockOf(variantId)).onHand;
    const { orderId, orderToken, paymentIntentId, order } = await paidOrder(2, code);
    expect(await usage()).toBe(1);
    expect((await stockOf(variantId)).onHand).toBe(before - 2);

    expectProblem(await adminCancel(orderId, 'Customer called', null), 400, 'idempotency_key_required');
    const key = randomUUID();
    const asked = await adminCancel(orderId, 'Customer called', key);
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('cancel_pending');
    const again = await adminCancel(orderId, 'Customer called', key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await adminCancel(orderId, 'Another admin'), 409, 'order_cancel_requested');

    const canceled = await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));
    expect(canceled.payment).toMatchObject({ status: 'refunded', amountRefunded: order.totals.grandTotal });
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([order.totals.grandTotal]);
    expect((await stockOf(variantId)).onHand).toBe(before);
    expect(await usage()).toBe(0);
    const events = await eventually(async () => (await busEvents('OrderCanceled', orderId))[0]);
    expect(events).toMatchObject({
      orderId,
      by: 'admin',
      reason: 'Customer called',
      refunded: order.totals.grandTotal,
    });
    expectProblem(await adminCancel(orderId, 'Again'), 409, 'order_cancel_requested');
  });

  it('lets one of two cancellations at once through: one refund', async () => {
    const { orderId, orderToken, paymentIntentId } = await paidOrder(1);
    const answers = await Promise.all([adminCancel(orderId, 'first'), adminCancel(orderId, 'second')]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));
    expect((await stripeRefunds(paymentIntentId)).length).toBe(1);
  });

  it('refuses to cancel shipped units, and a customer once fulfillment started', async () => {
    const { orderId, orderToken, order } = await paidOrder(1);
    const location = await testLocation();
    const made = await sendJson(
      'POST',
      `/admin/orders/${orderId}/fulfillments`,
      { locationId: location, lines: [{ lineId: order.lines[0].id, quantity: 1 }] },
      cloud().tokens.admin,
      { 'idempotency-key': randomUUID() },
    );
    expect(made.status).toBe(201);
    expectProblem(await customerCancel(orderId, orderToken), 409, 'order_fulfillment_started');
    await sendJson(
      'POST',
      `/admin/orders/${orderId}/fulfillments/${made.body.id}/shipments`,
      { carrier: 'DHL', trackingNumber: '1' },
      cloud().tokens.admin,
      {
        'idempotency-key': randomUUID(),
      },
    );
    expectProblem(await adminCancel(orderId, 'too late'), 409, 'order_shipped');
    expect((await readOrder(orderId, { orderToken })).body.status).toBe('paid');
  });

  it('never both ships and cancels: a shipment and a cancellation at once, one of them is refused', async () => {
    const { orderId, orderToken, paymentIntentId, order } = await paidOrder(1);
    const made = await sendJson(
      'POST',
      `/admin/orders/${orderId}/fulfillments`,
      { locationId: await testLocation(), lines: [{ lineId: order.lines[0].id, quantity: 1 }] },
      cloud().tokens.admin,
      { 'idempotency-key': randomUUID() },
    );
    expect(made.status).toBe(201);
    const [shipped, canceled] = await Promise.all([
      sendJson(
        'POST',
        `/admin/orders/${orderId}/fulfillments/${made.body.id}/shipments`,
        { carrier: 'DHL', trackingNumber: '2' },
        cloud().tokens.admin,
        { 'idempotency-key': randomUUID() },
      ),
      adminCancel(orderId, 'racing the warehouse'),
    ]);
    if (shipped.status === 201) {
      expectProblem(canceled, 409, 'order_shipped');
      expect((await readOrder(orderId, { orderToken })).body).toMatchObject({
        status: 'paid',
        fulfillmentStatus: 'shipped',
      });
      expect(await stripeRefunds(paymentIntentId)).toEqual([]);
    } else {
      expectProblem(shipped, 409, 'order_not_fulfillable');
      expect(canceled.status).toBe(202);
      const after = await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));
      expect(after.fulfillments.map((f: { status: string }) => f.status)).toEqual(['canceled']);
      expect((await stripeRefunds(paymentIntentId)).length).toBe(1);
    }
  });

  it('lets a guest cancel their own order with its token, and nobody else', async () => {
    const { orderId, orderToken } = await paidOrder(1);
    expectProblem(await customerCancel(orderId, 'wrong-token'), 404, 'order_not_found');
    const asked = await customerCancel(orderId, orderToken);
    expect(asked.status).toBe(202);
    const canceled = await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));
    expect(canceled.payment.status).toBe('refunded');
  });

  it('cancels an order of 60 lines: every sold unit back once, more than one transaction can hold', async () => {
    // 60 allocations are 120 stock writes: more than one transaction's 100 items.
    const products = await Promise.all(
      [0, 1].map(() => publishedProduct(Array.from({ length: 30 }, () => ({ prices: { EUR: 100 } })))),
    );
    const variantIds = products.flatMap((p) => p.variantIds);
    await Promise.all(variantIds.map((id) => stock(id, 5)));
    const { cartId, who } = await readyCart(variantIds.map((id) => ({ variantId: id, quantity: 1 })));
    // Carts read stock from a summary the stream keeps: wait until every line shows in stock.
    await eventually(async () => {
      const cart = await cartCall('GET', `/carts/${cartId}`, undefined, who);
      return cart.body.checkoutBlockers?.length === 0 ? true : undefined;
    });
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment } = placed.body;
    await pay(payment, 'pm_card_visa');
    await orderReaches(orderId, { orderToken }, 'paid', scaled(60_000));
    const onHand = async () => Promise.all(variantIds.map(async (id) => (await stockOf(id)).onHand));
    expect(await onHand()).toEqual(variantIds.map(() => 4));

    expect((await adminCancel(orderId, 'Too many lines')).status).toBe(202);
    await orderReaches(orderId, { orderToken }, 'canceled', scaled(90_000));
    expect(await onHand()).toEqual(variantIds.map(() => 5));
    expect((await stripeRefunds(payment.paymentIntentId)).length).toBe(1);
    await eventually(async () => ((await busEvents('OrderCanceled', orderId)).length > 0 ? true : undefined));
    expect(await busEvents('OrderCanceled', orderId)).toHaveLength(1);
  });

  it('keeps the order cancel_pending when the refund fails, says so, and finishes when asked again', async () => {
    const { orderId, orderToken, paymentIntentId } = await paidOrder(1);
    const outage = (count: number) =>
      fetch(`${cloud().stripe.apiUrl}/_local/outages`, {
        method: 'POST',
        body: JSON.stringify({ orderId, count }),
      });
    await outage(1000);
    const key = randomUUID();
    expect((await adminCancel(orderId, 'refund will fail', key)).status).toBe(202);
    const failed = await eventually(
      async () => (await busEvents('OrderCancellationFailed', orderId))[0],
      scaled(90_000),
    );
    expect(failed).toMatchObject({ orderId });
    expect((await readOrder(orderId, { orderToken })).body.status).toBe('cancel_pending');
    expect(await stripeRefunds(paymentIntentId)).toEqual([]);
    await outage(0);
    expect((await adminCancel(orderId, 'refund will fail', key)).status).toBe(202);
    await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));
    expect((await stripeRefunds(paymentIntentId)).length).toBe(1);
  });
});
