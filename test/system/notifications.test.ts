import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '#local/ses/index.ts';
import { scaled } from '../support/budget.ts';
import { checkout, orderReaches, pay, readyCart, stocked } from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { mailTo } from '../support/mail.ts';
import { publishedProduct, type TestProduct, testLocation } from '../support/store.ts';

/** A back-office call, with an Idempotency-Key unless `key` is null. */
const admin = (method: string, path: string, body?: unknown, key: string | null = randomUUID()) =>
  sendJson(method, path, body, cloud().tokens.admin, key ? { 'idempotency-key': key } : {});

/** The messages of one template in what the sink holds for an address. */
const ofTemplate = (messages: readonly SentMessage[], template: string) =>
  messages.filter((m) => m.tags.template === template);

/** The mail to `to` once it holds at least `count` messages of each template named, if it does by now. */
const mailWith = async (to: string, counts: Readonly<Record<string, number>>) => {
  const messages = await mailTo(to);
  return Object.entries(counts).every(([t, n]) => ofTemplate(messages, t).length >= n) ? messages : undefined;
};

describe('notifications over HTTP: confirmation, shipment, refund, cancellation and return e-mails, and resends', {
  timeout: scaled(120_000),
}, () => {
  let product: TestProduct;
  let locationId: string;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 2000 } }]);
    await stocked(product.variantIds[0]!, 20);
    locationId = await testLocation();
  });

  it('mails the shipment with its tracking and the refund with its amount, then resends the confirmation once per key', async () => {
    const email = `${randomUUID()}@example.com`;
    const variantId = product.variantIds[0]!;
    const { cartId, who } = await readyCart([{ variantId, quantity: 2 }], { email });
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment } = placed.body;
    await pay(payment, 'pm_card_visa');
    const order = await orderReaches(orderId, { orderToken }, 'paid');
    await eventually(() => mailWith(email, { 'order-confirmation': 1 }));

    const fulfillment = await admin('POST', `/admin/orders/${orderId}/fulfillments`, {
      locationId,
      lines: [{ lineId: order.lines[0].id, quantity: 2 }],
    });
    expect(fulfillment.status).toBe(201);
    const trackingNumber = `00340${Date.now()}`;
    const shipped = await admin(
      'POST',
      `/admin/orders/${orderId}/fulfillments/${fulfillment.body.id}/shipments`,
      {
        carrier: 'DHL',
        trackingNumber,
        trackingUrl: `https://www.dhl.de/track?n=${trackingNumber}`,
      },
    );
    expect(shipped.status).toBe(201);
    const refund = await admin('POST', `/admin/orders/${orderId}/refunds`, { amount: 1505 });
    expect(refund.status).toBe(201);

    const mail = await eventually(() => mailWith(email, { shipment: 1, refund: 1 }));
    const [shipmentMail] = ofTemplate(mail, 'shipment');
    expect(shipmentMail).toMatchObject({ to: [email] });
    expect(shipmentMail?.text).toContain(trackingNumber);
    expect(shipmentMail?.html).toContain(`https://www.dhl.de/track?n=${trackingNumber}`);
    const [refundMail] = ofTemplate(mail, 'refund');
    expect(refundMail).toMatchObject({ to: [email] });
    expect(refundMail?.subject).toContain('15.05 EUR');
    expect(refundMail?.text).toContain('15.05 EUR');

    const listed = await admin('GET', `/admin/orders/${orderId}/notifications`, undefined, null);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((n: { notificationId: string }) => n.notificationId).sort()).toEqual(
      ['order-confirmation', `refund-${refund.body.id}`, `shipment-${fulfillment.body.id}`].sort(),
    );
    for (const n of listed.body.items) expect(n).toMatchObject({ to: email, status: 'sent', resendCount: 0 });

    const resendPath = `/admin/orders/${orderId}/notifications/order-confirmation/resend`;
    expectProblem(await admin('POST', resendPath, undefined, null), 400, 'idempotency_key_required');
    expectProblem(
      await admin('POST', `/admin/orders/${orderId}/notifications/shipment-ful_unknown/resend`),
      404,
      'notification_not_found',
    );
    const key = randomUUID();
    const resent = await admin('POST', resendPath, undefined, key);
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ notificationId: 'order-confirmation', to: email });
    const confirmations = () => mailTo(email).then((m) => ofTemplate(m, 'order-confirmation'));
    expect((await confirmations()).map((m) => m.id)).toContain(resent.body.messageId);
    expect(await confirmations()).toHaveLength(2);

    const again = await admin('POST', resendPath, undefined, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(resent.body);
    expect(await confirmations()).toHaveLength(2);

    const another = await admin('POST', resendPath, undefined, randomUUID());
    expect(another.status).toBe(201);
    expect(another.body.messageId).not.toBe(resent.body.messageId);
    expect(await confirmations()).toHaveLength(3);

    const after = await admin('GET', `/admin/orders/${orderId}/notifications`, undefined, null);
    expect(
      after.body.items.find((n: { notificationId: string }) => n.notificationId === 'order-confirmation'),
    ).toMatchObject({
      resendCount: 2,
      lastResendMessageId: another.body.messageId,
    });
  });

  /** A paid guest order of `quantity` units to a fresh address, its confirmation mailed. */
  const paidOrder = async (quantity: number) => {
    const email = `${randomUUID()}@example.com`;
    const { cartId, who } = await readyCart([{ variantId: product.variantIds[0]!, quantity }], { email });
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken, payment } = placed.body;
    await pay(payment, 'pm_card_visa');
    const order = await orderReaches(orderId, { orderToken }, 'paid');
    await eventually(() => mailWith(email, { 'order-confirmation': 1 }));
    return { email, orderId: orderId as string, orderToken: orderToken as string, order };
  };

  const notificationIds = async (orderId: string) =>
    (await admin('GET', `/admin/orders/${orderId}/notifications`, undefined, null)).body.items
      .map((n: { notificationId: string }) => n.notificationId)
      .sort();

  it('mails a canceled order’s cancellation once, with what went back, and resends it', async () => {
    const { email, orderId, orderToken, order } = await paidOrder(1);
    const canceled = await admin('POST', `/admin/orders/${orderId}/cancel`, {
      reason: 'Internal: risk review',
    });
    expect(canceled.status).toBe(202);
    await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));

    const mail = await eventually(() => mailWith(email, { cancellation: 1 }));
    const [cancellationMail, ...more] = ofTemplate(mail, 'cancellation');
    expect(more).toEqual([]);
    expect(cancellationMail?.subject).toContain('is canceled');
    const refunded = `${(order.totals.grandTotal / 100).toFixed(2)} EUR`;
    expect(cancellationMail?.text).toContain(refunded);
    expect(cancellationMail?.text).not.toContain('risk review');
    expect(await notificationIds(orderId)).toContain('cancellation');

    const resent = await admin('POST', `/admin/orders/${orderId}/notifications/cancellation/resend`);
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({
      notificationId: 'cancellation',
      template: 'cancellation',
      to: email,
    });
    expect(ofTemplate(await mailTo(email), 'cancellation')).toHaveLength(2);
  });

  it('mails a received return once, naming the returned units and the refund, beside the refund e-mail', async () => {
    const { email, orderId, order } = await paidOrder(2);
    const line = order.lines[0];
    const fulfillment = await admin('POST', `/admin/orders/${orderId}/fulfillments`, {
      locationId,
      lines: [{ lineId: line.id, quantity: 2 }],
    });
    expect(fulfillment.status).toBe(201);
    const shipped = await admin(
      'POST',
      `/admin/orders/${orderId}/fulfillments/${fulfillment.body.id}/shipments`,
      { carrier: 'DHL', trackingNumber: '42' },
    );
    expect(shipped.status).toBe(201);
    const asked = await admin('POST', `/admin/orders/${orderId}/returns`, {
      lines: [{ lineId: line.id, quantity: 1, reason: 'damaged' }],
    });
    expect(asked.status).toBe(201);
    const receipt = { lines: [{ lineId: line.id, condition: 'restock', locationId }] };
    const received = await admin('POST', `/admin/returns/${asked.body.id}/receive`, receipt);
    expect(received.status).toBe(200);
    expect((await admin('POST', `/admin/returns/${asked.body.id}/receive`, receipt)).status).toBe(200);

    const mail = await eventually(() => mailWith(email, { 'return-received': 1, refund: 1 }));
    const [returnMail, ...more] = ofTemplate(mail, 'return-received');
    expect(more).toEqual([]);
    const refund = `${(received.body.return.refundAmount / 100).toFixed(2)} EUR`;
    expect(returnMail?.subject).toContain('We received your return');
    expect(returnMail?.text).toContain(`1 × ${line.productTitle}`);
    expect(returnMail?.text).toContain(refund);
    expect(await notificationIds(orderId)).toContain(`return-received-${asked.body.id}`);
  });
});
