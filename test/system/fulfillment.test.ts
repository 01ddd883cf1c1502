import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scaled } from '../support/budget.ts';
import {
  busEvents,
  checkout,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stocked,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import {
  entriesOf,
  ledgerOf,
  levelAt,
  levelsOf,
  stockProblems,
  storedFulfillmentStatus,
} from '../support/stock-ledger.ts';
import {
  adminSend,
  publishedProduct,
  type TestProduct,
  testLocation,
  testWarehouse,
} from '../support/store.ts';

const admin = (method: string, path: string, body?: unknown, key: string | null = randomUUID()) =>
  sendJson(method, path, body, cloud().tokens.admin, key ? { 'idempotency-key': key } : {});

describe('fulfillment over HTTP: partial, shipped with tracking, delivered, canceled', {
  timeout: scaled(120_000),
}, () => {
  let product: TestProduct;
  /** Where the checkout sells this file's orders (every unit is allocated there). */
  let locationId: string;
  /** Another warehouse, with 3 units of the first variant and none of the second. */
  let other: string;
  /** Every order this file placed: the stock invariants count their units. */
  const orders: string[] = [];

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1000 } }, { prices: { EUR: 700 } }]);
    for (const variantId of product.variantIds) {
      await stocked(variantId, 50);
    }
    locationId = await testLocation();
    other = await testWarehouse('ship');
    const put = await adminSend('PUT', `/admin/inventory/${product.variantIds[0]}`, {
      levels: [{ locationId: other, onHand: 3 }],
    });
    expect(put.status).toBe(200);
  });

  // Stock is conserved through every path: levels consistent, ledgers replay, on hand + sold = stocked.
  afterEach(async () => {
    await vi.waitFor(async () => expect(await stockProblems(product.variantIds, orders)).toEqual([]), {
      timeout: scaled(20_000),
      interval: 250,
    });
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
    orders.push(orderId);
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
    const [a, b] = product.variantIds as [string, string];
    const base = `/admin/orders/${orderId}/fulfillments`;
    const levelsBefore = await levelAt(a, locationId);
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
    // Sold here: committed in place, one ledger entry of the units, no figure changes (the replay wrote none).
    expect(await entriesOf(a, first.body.id)).toEqual([`fulfillment@${locationId} 0/2`]);
    expect(await levelAt(a, locationId)).toEqual(levelsBefore);
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');
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
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');

    const second = await admin('POST', base, { locationId, lines: [{ lineId: lineB, quantity: 1 }] });
    expect(await entriesOf(b, second.body.id)).toEqual([`fulfillment@${locationId} 0/1`]);
    expect((await readOrder(orderId, { orderToken })).body.fulfillmentStatus).toBe('fulfilled');
    expect(await storedFulfillmentStatus(orderId)).toBe('fulfilled');
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
    expect(await storedFulfillmentStatus(orderId)).toBe('shipped');
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
    expect(await storedFulfillmentStatus(orderId)).toBe('shipped');
    expect((await admin('POST', `${base}/${second.body.id}/deliver`)).status).toBe(200);
    expect(await storedFulfillmentStatus(orderId)).toBe('delivered');
    // Shipping and delivering moved no stock and wrote no ledger entry.
    expect(await entriesOf(a, first.body.id)).toEqual([`fulfillment@${locationId} 0/2`]);
    const listed = await admin('GET', base, undefined, null);
    expect(listed.body).toMatchObject({ orderId, status: 'delivered' });
    expect(listed.body.items).toHaveLength(2);
  });

  it('puts a canceled fulfillment’s units back to fulfil, once, and lets one of two racing fulfillments of the same units through', async () => {
    const { orderId, lineA } = await paidOrder();
    const a = product.variantIds[0]!;
    const base = `/admin/orders/${orderId}/fulfillments`;
    const made = await admin('POST', base, { locationId, lines: [{ lineId: lineA, quantity: 2 }] });
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');
    const canceled = await admin('POST', `${base}/${made.body.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled' });
    expect((await admin('POST', `${base}/${made.body.id}/cancel`)).body.status).toBe('canceled');
    expect(await entriesOf(a, made.body.id)).toEqual([
      `fulfillment@${locationId} 0/2`,
      `fulfillment_canceled@${locationId} 0/2`,
    ]);
    expect(await storedFulfillmentStatus(orderId)).toBe('unfulfilled');
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
    const winner = racing.find((r) => r.status === 201)!.body.id as string;
    expect(await entriesOf(a, winner)).toEqual([`fulfillment@${locationId} 0/2`]);
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');
  });

  it('moves units sold elsewhere: taken from the fulfilling warehouse, given back to the seller, and moved back once when canceled', async () => {
    const { orderId, lineA, lineB } = await paidOrder();
    const a = product.variantIds[0]!;
    const base = `/admin/orders/${orderId}/fulfillments`;
    const [sellerBefore, otherBefore] = [await levelAt(a, locationId), await levelAt(a, other)];
    expect(otherBefore).toEqual({ onHand: 3, reserved: 0, available: 3 });

    const moved = await admin('POST', base, { locationId: other, lines: [{ lineId: lineA, quantity: 1 }] });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ locationId: other, status: 'open' });
    expect(await levelAt(a, other)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    expect(await levelAt(a, locationId)).toEqual({
      onHand: sellerBefore.onHand + 1,
      reserved: sellerBefore.reserved,
      available: sellerBefore.available + 1,
    });
    expect(await entriesOf(a, moved.body.id)).toEqual([
      `fulfillment@${other} -1/1`,
      `transfer@${locationId} 1/-`,
    ]);
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');

    // The other unit of A is still sold at the seller: fulfilled there, in place, with B.
    const inPlace = await admin('POST', base, {
      locationId,
      lines: [
        { lineId: lineA, quantity: 1 },
        { lineId: lineB, quantity: 1 },
      ],
    });
    expect(inPlace.status).toBe(201);
    expect(await entriesOf(a, inPlace.body.id)).toEqual([`fulfillment@${locationId} 0/1`]);
    expect(await storedFulfillmentStatus(orderId)).toBe('fulfilled');

    const [first, second] = await Promise.all([
      admin('POST', `${base}/${moved.body.id}/cancel`),
      admin('POST', `${base}/${moved.body.id}/cancel`),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await admin('POST', `${base}/${moved.body.id}/cancel`)).body.status).toBe('canceled');
    expect(await levelAt(a, other)).toEqual(otherBefore);
    expect(await levelAt(a, locationId)).toEqual(sellerBefore);
    expect(await entriesOf(a, moved.body.id)).toEqual([
      `fulfillment@${other} -1/1`,
      `fulfillment_canceled@${other} 1/1`,
      `transfer@${locationId} -1/-`,
      `transfer@${locationId} 1/-`,
    ]);
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');
  });

  it('refuses to move units the fulfilling warehouse does not have, writing nothing', async () => {
    const { orderId, lineA, lineB } = await paidOrder();
    const base = `/admin/orders/${orderId}/fulfillments`;
    const before = await Promise.all(
      product.variantIds.map(async (v) => [await levelsOf(v), await ledgerOf(v)]),
    );
    const refused = await admin('POST', base, {
      locationId: other,
      lines: [
        { lineId: lineA, quantity: 2 },
        { lineId: lineB, quantity: 1 },
      ],
    });
    expectProblem(refused, 409, 'location_out_of_stock');
    expect(refused.body.detail).toContain(product.variantIds[1]);
    expect(
      await Promise.all(product.variantIds.map(async (v) => [await levelsOf(v), await ledgerOf(v)])),
    ).toEqual(before);
    expect((await admin('GET', base, undefined, null)).body.items).toEqual([]);
    expect(await storedFulfillmentStatus(orderId)).toBeUndefined();
  });

  it('refuses to cancel a move whose units the seller has sold again, until it has them again', async () => {
    const { orderId, lineA } = await paidOrder();
    const a = product.variantIds[0]!;
    const base = `/admin/orders/${orderId}/fulfillments`;
    const moved = await admin('POST', base, { locationId: other, lines: [{ lineId: lineA, quantity: 2 }] });
    expect(moved.status).toBe(201);
    const seller = await levelAt(a, locationId);
    const adjust = (type: string, quantity: number) =>
      adminSend('POST', `/admin/inventory/${a}/adjustments`, {
        locationId,
        type,
        quantity,
        reason: 'fulfillment test',
      });
    expect((await adjust('shrinkage', seller.available - 1)).status).toBe(201);
    const otherMoved = await levelAt(a, other);

    expectProblem(await admin('POST', `${base}/${moved.body.id}/cancel`), 409, 'transfer_not_reversible');
    expect(await levelAt(a, other)).toEqual(otherMoved);
    expect(await levelAt(a, locationId)).toEqual({
      onHand: seller.onHand - (seller.available - 1),
      reserved: seller.reserved,
      available: 1,
    });
    expect(await entriesOf(a, moved.body.id)).toEqual([
      `fulfillment@${other} -2/2`,
      `transfer@${locationId} 2/-`,
    ]);
    expect(await storedFulfillmentStatus(orderId)).toBe('partially_fulfilled');

    expect((await adjust('receipt', seller.available - 1)).status).toBe(201);
    expect((await admin('POST', `${base}/${moved.body.id}/cancel`)).body.status).toBe('canceled');
    expect(await levelAt(a, other)).toEqual({
      onHand: otherMoved.onHand + 2,
      reserved: 0,
      available: otherMoved.available + 2,
    });
    expect(await storedFulfillmentStatus(orderId)).toBe('unfulfilled');
  });

  it('cancels an order with an open fulfillment that moved units: they go back where they were taken, the seller keeps what it got', async () => {
    const { orderId, orderToken, lineA } = await paidOrder();
    const [a, b] = product.variantIds as [string, string];
    const base = `/admin/orders/${orderId}/fulfillments`;
    const sellerA = await levelAt(a, locationId);
    const otherA = await levelAt(a, other);
    const sellerB = await levelAt(b, locationId);
    const moved = await admin('POST', base, { locationId: other, lines: [{ lineId: lineA, quantity: 2 }] });
    expect(moved.status).toBe(201);

    const cancel = await sendJson(
      'POST',
      `/admin/orders/${orderId}/cancel`,
      { reason: 'customer called' },
      cloud().tokens.admin,
      { 'idempotency-key': randomUUID() },
    );
    expect(cancel.status).toBe(202);
    await orderReaches(orderId, { orderToken }, 'canceled', scaled(60_000));

    expect((await admin('GET', base, undefined, null)).body.items[0]).toMatchObject({ status: 'canceled' });
    expect(await levelAt(a, other)).toEqual(otherA);
    // The seller got A's 2 units back when they were moved, and B's 1 from the order's restock.
    expect(await levelAt(a, locationId)).toEqual({
      onHand: sellerA.onHand + 2,
      reserved: sellerA.reserved,
      available: sellerA.available + 2,
    });
    expect(await levelAt(b, locationId)).toEqual({
      onHand: sellerB.onHand + 1,
      reserved: sellerB.reserved,
      available: sellerB.available + 1,
    });
    expect(await entriesOf(a, moved.body.id)).toEqual([
      `fulfillment@${other} -2/2`,
      `fulfillment_canceled@${other} 2/2`,
      `transfer@${locationId} 2/-`,
    ]);
    // The order's restock put back only what was still sold: B's unit, not A's moved ones.
    const restocked = async (v: string) =>
      (await ledgerOf(v))
        .filter((e) => e.type === 'return' && e.reason.includes(orderId))
        .map((e) => e.delta);
    expect(await restocked(a)).toEqual([]);
    expect(await restocked(b)).toEqual([1]);
    expect(await storedFulfillmentStatus(orderId)).toBe('unfulfilled');
  });

  it('refuses an unpaid order and an unknown fulfillment', async () => {
    const { cartId, who } = await readyCart([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    orders.push(placed.body.orderId);
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
