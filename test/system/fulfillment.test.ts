import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import {
  busEvents,
  checkout,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stockOf,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { adminSend, publishedProduct, stock, type TestProduct, testWarehouse } from '../support/store.ts';

const admin = (method: string, path: string, body?: unknown, key: string | null = randomUUID()) =>
  sendJson(method, path, body, cloud().tokens.admin, key ? { 'idempotency-key': key } : {});

describe('fulfillment over HTTP: partial, shipped with tracking, delivered, canceled', {
  timeout: scaled(120_000),
}, () => {
  let product: TestProduct;
  let locationId: string;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1000 } }, { prices: { EUR: 700 } }]);
    for (const variantId of product.variantIds) {
      await stock(variantId, 50);
      await eventually(async () => ((await stockOf(variantId)).available === 50 ? true : undefined));
    }
    locationId = await testWarehouse('ship');
  });

  /** A paid guest order of 2 units of the first variant and 1 of the second. */
  const paidOrder = async () => {
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
    const lineOf = (variantId: string) =>
      order.lines.find((l: { variantId: string }) => l.variantId === variantId).id as string;
    return {
      orderId: orderId as string,
      orderToken: orderToken as string,
      lineA: lineOf(a),
      lineB: lineOf(b),
    };
  };

  it('fulfils part, refuses more than was bought, ships with tracking, and says fulfilled once every unit shipped', async () => {
    const { orderId, orderToken, lineA, lineB } = await paidOrder();
    const base = `/admin/orders/${orderId}/fulfillments`;
    expectProblem(
      await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 1 }] }, null),
      400,
      'idempotency_key_required',
    );
    expectProblem(
      await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 3 }] }),
      409,
      'fulfillment_exceeds_order',
    );
    expectProblem(
      await admin('POST', base, { locationId: 'nowhere', lines: [{ lineId: lineA, quantity: 1 }] }),
      422,
      'unknown_location',
    );

    const key = randomUUID();
    const first = await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 2 }] }, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderId, locationId, status: 'open', shipment: null });
    const again = await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 2 }] }, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(
      await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 1 }] }, key),
      422,
      'idempotency_key_reused',
    );
    expectProblem(
      await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 1 }] }),
      409,
      'fulfillment_exceeds_order',
    );
    expect((await readOrder(orderId, { orderToken })).body).toMatchObject({
      status: 'paid',
      fulfillmentStatus: 'partially_fulfilled',
    });

    const tracking = {
      carrier: 'DHL',
      trackingNumber: '00340434161094042557',
      trackingUrl: 'https://www.dhl.de/track?n=00340434161094042557',
    };
    const shipped = await admin('POST', `${base}/${first.body.id}/shipments`, tracking);
    expect(shipped.status).toBe(201);
    expect(shipped.body).toMatchObject({ status: 'shipped', shipment: tracking });
    expect(
      (await admin('POST', `${base}/${first.body.id}/shipments`, tracking)).headers.get(
        'idempotent-replayed',
      ),
    ).toBe('true');
    expectProblem(
      await admin('POST', `${base}/${first.body.id}/shipments`, { ...tracking, trackingNumber: 'other' }),
      409,
      'fulfillment_shipped',
    );
    expectProblem(await admin('POST', `${base}/${first.body.id}/cancel`), 409, 'fulfillment_shipped');

    const second = await admin('POST', base, { locationId, lines: [{ lineId: lineB, quantity: 1 }] });
    expect((await readOrder(orderId, { orderToken })).body.fulfillmentStatus).toBe('fulfilled');
    expect(
      (
        await admin('POST', `${base}/${second.body.id}/shipments`, {
          carrier: 'UPS',
          trackingNumber: '1Z999',
        })
      ).status,
    ).toBe(201);

    const seen = (await readOrder(orderId, { orderToken })).body;
    expect(seen.fulfillmentStatus).toBe('shipped');
    expect(seen.fulfillments.map((f: { shipment: { carrier: string } }) => f.shipment.carrier)).toEqual([
      'DHL',
      'UPS',
    ]);
    const fulfilled = await eventually(async () => {
      const events = await busEvents('OrderFulfilled', orderId);
      return events.length > 0 ? events : undefined;
    });
    expect(fulfilled).toHaveLength(1);
    expect((await busEvents('ShipmentCreated', orderId)).map((e) => e.carrier).sort()).toEqual([
      'DHL',
      'UPS',
    ]);

    expect((await admin('POST', `${base}/${first.body.id}/deliver`)).body.status).toBe('delivered');
    expect((await admin('POST', `${base}/${first.body.id}/deliver`)).body.status).toBe('delivered');
    expect((await admin('POST', `${base}/${second.body.id}/deliver`)).status).toBe(200);
    const listed = await admin('GET', base, undefined, null);
    expect(listed.body).toMatchObject({ orderId, status: 'delivered' });
    expect(listed.body.items).toHaveLength(2);
  });

  it('puts a canceled fulfillment’s units back to fulfil, and lets one of two racing fulfillments of the same units through', async () => {
    const { orderId, lineA } = await paidOrder();
    const base = `/admin/orders/${orderId}/fulfillments`;
    const made = await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 2 }] });
    const canceled = await admin('POST', `${base}/${made.body.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled' });
    expect((await admin('POST', `${base}/${made.body.id}/cancel`)).body.status).toBe('canceled');
    expectProblem(
      await admin('POST', `${base}/${made.body.id}/shipments`, { carrier: 'DHL', trackingNumber: '1' }),
      409,
      'fulfillment_canceled',
    );
    expect(await eventually(async () => (await busEvents('FulfillmentCanceled', orderId))[0])).toMatchObject({
      fulfillmentId: made.body.id,
    });

    const racing = await Promise.all(
      [1, 2].map(() => admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 2 }] })),
    );
    const statuses = racing.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(['fulfillment_exceeds_order', 'fulfillment_conflict']).toContain(
      racing.find((r) => r.status === 409)!.body.code,
    );
  });

  it('refuses an unpaid order and an unknown fulfillment', async () => {
    const { cartId, who } = await readyCart([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    const base = `/admin/orders/${placed.body.orderId}/fulfillments`;
    const lineId = (await adminSend('GET', `/admin/orders/${placed.body.orderId}`)).body.lines[0].id;
    expectProblem(
      await admin('POST', base, { locationId, lines: [{ lineId, quantity: 1 }] }),
      409,
      'order_not_fulfillable',
    );
    expectProblem(await admin('POST', `${base}/ful_nope/deliver`), 404, 'fulfillment_not_found');
  });
});
