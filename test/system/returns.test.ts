import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import {
  checkout,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stocked,
  stockOf,
  stripeRefunds,
} from '../support/checkout.ts';
import { cloud, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { publishedProduct, type TestProduct, testLocation } from '../support/store.ts';

const admin = (method: string, path: string, body?: unknown, key: string | null = randomUUID()) =>
  sendJson(method, path, body, cloud().tokens.admin, key ? { 'idempotency-key': key } : {});

describe('returns over HTTP: requested, received once, restocked, refunded once', {
  timeout: scaled(120_000),
}, () => {
  let product: TestProduct;
  let locationId: string;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1500 } }, { prices: { EUR: 800 } }]);
    for (const variantId of product.variantIds) {
      await stocked(variantId, 40);
    }
    locationId = await testLocation();
  });

  /** A paid guest order of 2 × A and 1 × B, with A shipped (B not). */
  const shippedOrder = async () => {
    const [a, b] = product.variantIds as [string, string];
    const { cartId, who } = await readyCart([
      { variantId: a, quantity: 2 },
      { variantId: b, quantity: 1 },
    ]);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment } = placed.body;
    await pay(payment, 'pm_card_visa');
    const order = await orderReaches(orderId, { orderToken }, 'paid');
    const lineA = order.lines.find((l: { variantId: string }) => l.variantId === a);
    const lineB = order.lines.find((l: { variantId: string }) => l.variantId === b);
    const ful = await admin('POST', `/admin/orders/${orderId}/fulfillments`, {
      locationId,
      lines: [{ lineId: lineA.id, quantity: 2 }],
    });
    expect(ful.status).toBe(201);
    const shipped = await admin('POST', `/admin/orders/${orderId}/fulfillments/${ful.body.id}/shipments`, {
      carrier: 'DHL',
      trackingNumber: '42',
    });
    expect(shipped.status).toBe(201);
    return {
      orderId: orderId as string,
      orderToken: orderToken as string,
      paymentIntentId: payment.paymentIntentId as string,
      order,
      lineA,
      lineB,
      a,
    };
  };

  it('returns a shipped unit: the customer asks, the back office receives it into stock and refunds its share once', async () => {
    const { orderId, orderToken, paymentIntentId, lineA, lineB, a } = await shippedOrder();
    const ask = (body: unknown, key = randomUUID()) =>
      sendJson('POST', `/orders/${orderId}/returns`, body, undefined, {
        'idempotency-key': key,
        'x-order-token': orderToken,
      });
    expectProblem(
      await ask({ lines: [{ lineId: lineB.id, quantity: 1, reason: 'damaged' }] }),
      422,
      'not_returnable',
    );
    expectProblem(
      await ask({ lines: [{ lineId: lineA.id, quantity: 3, reason: 'damaged' }] }),
      422,
      'not_returnable',
    );
    expectProblem(
      await sendJson(
        'POST',
        `/orders/${orderId}/returns`,
        { lines: [{ lineId: lineA.id, quantity: 1, reason: 'damaged' }] },
        undefined,
        {
          'idempotency-key': randomUUID(),
          'x-order-token': 'not-the-token',
        },
      ),
      404,
      'order_not_found',
    );
    const key = randomUUID();
    const asked = await ask({ lines: [{ lineId: lineA.id, quantity: 1, reason: 'damaged' }] }, key);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ orderId, status: 'requested', by: 'customer' });
    expect(
      (await ask({ lines: [{ lineId: lineA.id, quantity: 1, reason: 'damaged' }] }, key)).headers.get(
        'idempotent-replayed',
      ),
    ).toBe('true');

    const onHand = (await stockOf(a)).onHand;
    const receipt = { lines: [{ lineId: lineA.id, condition: 'restock', locationId }] };
    const received = await admin('POST', `/admin/returns/${asked.body.id}/receive`, receipt);
    expect(received.status).toBe(200);
    // One of two units of line A: half its total (price less its discount share, with tax).
    const share = Math.round(lineA.total / 2);
    expect(received.body.return).toMatchObject({ status: 'received', refundAmount: share });
    expect(received.body.refundStatus).toBe('succeeded');
    const again = await admin('POST', `/admin/returns/${asked.body.id}/receive`, receipt);
    expect(again.body.refundId).toBe(received.body.refundId);
    expect((await stockOf(a)).onHand).toBe(onHand + 1);
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([share]);
    const seen = (await readOrder(orderId, { orderToken })).body;
    expect(seen.payment).toMatchObject({ status: 'partially_refunded', amountRefunded: share });
    const listed = await admin('GET', `/admin/orders/${orderId}/returns`, undefined, null);
    expect(listed.body.items).toHaveLength(1);
  });

  it('discards a unit and refunds the shipping once, and refuses a receipt that leaves out a line', async () => {
    const { orderId, paymentIntentId, order, lineA } = await shippedOrder();
    const made = await admin('POST', `/admin/orders/${orderId}/returns`, {
      lines: [{ lineId: lineA.id, quantity: 2, reason: 'defective' }],
    });
    expect(made.body.by).toBe('admin');
    expectProblem(
      await admin('POST', `/admin/returns/${made.body.id}/receive`, {
        lines: [{ lineId: 'other', condition: 'discard' }],
      }),
      422,
      'return_lines_mismatch',
    );
    expectProblem(
      await admin('POST', '/admin/returns/ret_nope/receive', {
        lines: [{ lineId: lineA.id, condition: 'discard' }],
      }),
      404,
      'return_not_found',
    );
    const received = await admin('POST', `/admin/returns/${made.body.id}/receive`, {
      lines: [{ lineId: lineA.id, condition: 'discard' }],
      refundShipping: true,
    });
    expect(received.status).toBe(200);
    expect(received.body.return.refundAmount).toBe(lineA.total + order.totals.shippingTotal);
    expect((await stripeRefunds(paymentIntentId)).map((r) => r.amount)).toEqual([
      lineA.total + order.totals.shippingTotal,
    ]);
    expectProblem(
      await admin('POST', `/admin/orders/${orderId}/returns`, {
        lines: [{ lineId: lineA.id, quantity: 1, reason: 'other' }],
      }),
      422,
      'not_returnable',
    );
  });
});
