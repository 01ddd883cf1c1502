import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { transact } from '#platform/data/transact.ts';
import { scaled } from '../support/budget.ts';
import { cartCall } from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';
import { sampleOrder } from '../support/orders.ts';
import { adminSend, newCustomer } from '../support/store.ts';

type Customer = { token: string; sub: string };

/** An order of the customer's, written with the placing transaction's own Puts. */
const placed = async (customerId: string, status: OrderStatus): Promise<Order> => {
  const order = sampleOrder({ customerId, status });
  expect(await transact(orderCreateItems(cloud().tableName, order))).toEqual({ ok: true });
  return order;
};

const address = {
  name: 'Ada Lovelace',
  line1: '12 St James Sq',
  city: 'London',
  postalCode: 'SW1Y 4LE',
  country: 'GB',
};

/** A customer with an address, a closed order and an open cart. */
const customerWithData = async () => {
  const who: Customer = await newCustomer();
  expect((await sendJson('PATCH', '/me', { version: 1, givenName: 'Ada' }, who.token)).status).toBe(200);
  expect((await sendJson('POST', '/me/addresses', address, who.token)).status).toBe(201);
  const order = await placed(who.sub, 'payment_failed');
  const cart = await cartCall('POST', '/carts', { currency: 'EUR' }, { bearer: who.token });
  expect(cart.status).toBe(201);
  return { ...who, order, cartId: cart.body.id as string };
};

const erasedEvents = async (customerId: string) => {
  const res = await fetch(`${cloud().endpoints.eventbridge}/_local/events?detail-type=CustomerErased`);
  const { events } = (await res.json()) as { events: { detail: { data: Record<string, unknown> } }[] };
  return events.filter((e) => e.detail.data.customerId === customerId).map((e) => e.detail.data);
};

const adminOrder = async (orderId: string) => {
  const res = await api(`/admin/orders/${orderId}`, { token: cloud().tokens.admin });
  expect(res.status).toBe(200);
  return res.body;
};

describe('privacy over HTTP: export and erasure', { timeout: scaled(180_000) }, () => {
  beforeAll(() => {
    useLocalDynamo();
  });

  it('exports everything held about the caller as a JSON download', async () => {
    const a = await customerWithData();
    const res = await api('/me/export', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="customer-${a.sub}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      customerId: a.sub,
      profile: { id: a.sub, givenName: 'Ada', addresses: [expect.objectContaining(address)] },
      groupIds: [],
      carts: [expect.objectContaining({ id: a.cartId, status: 'open' })],
      orders: [
        expect.objectContaining({
          id: a.order.id,
          email: a.order.email,
          shippingAddress: a.order.shippingAddress,
          totals: a.order.totals,
          refunds: [],
          fulfillments: [],
          returns: [],
        }),
      ],
    });
  });

  it('erases the caller: profile, addresses, cart and groups gone, orders anonymised with the same totals, once', async () => {
    const [a, b] = await Promise.all([customerWithData(), customerWithData()]);
    const group = await adminSend('POST', '/admin/customer-groups', {
      name: `Privacy ${randomUUID().slice(0, 8)}`,
    });
    expect(group.status).toBe(201);
    const members = `/admin/customer-groups/${group.body.id}/customers`;
    expect((await adminSend('POST', members, { add: [a.sub, b.sub], remove: [] })).status).toBe(200);

    expect((await api('/me', { token: a.token, method: 'DELETE' })).status).toBe(204);
    // Again: nothing left to do, still 204 (the event check below finds one erasure).
    expect((await api('/me', { token: a.token, method: 'DELETE' })).status).toBe(204);

    const fresh = await api('/me', { token: a.token });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ id: a.sub, givenName: null, version: 1, addresses: [] });
    expectProblem(
      await cartCall('GET', `/carts/${a.cartId}`, undefined, { bearer: a.token }),
      404,
      'cart_not_found',
    );
    const listed = await adminSend('GET', members);
    expect(listed.body.items.map((m: { customerId: string }) => m.customerId)).toEqual([b.sub]);

    const order = await adminOrder(a.order.id);
    expect(order).toMatchObject({
      id: a.order.id,
      customerId: a.sub,
      email: null,
      status: 'payment_failed',
      currency: a.order.currency,
      totals: a.order.totals,
      lines: a.order.lines,
      createdAt: a.order.createdAt,
      shippingAddress: {
        name: 'erased',
        line1: 'erased',
        line2: null,
        city: 'erased',
        postalCode: null,
        region: null,
        phone: null,
        country: a.order.shippingAddress.country,
      },
    });
    const event = await eventually(async () => (await erasedEvents(a.sub))[0]);
    expect(event).toEqual({
      customerId: a.sub,
      by: 'customer',
      ordersAnonymised: 1,
      cartsDeleted: 1,
      erasedAt: expect.any(String),
    });
    expect(await erasedEvents(a.sub)).toHaveLength(1);

    // The other customer keeps everything.
    const other = await api('/me/export', { token: b.token });
    expect(other.body.profile).toMatchObject({
      givenName: 'Ada',
      addresses: [expect.objectContaining(address)],
    });
    expect(other.body.groupIds).toEqual([group.body.id]);
    expect(other.body.carts).toHaveLength(1);
    expect((await adminOrder(b.order.id)).shippingAddress).toEqual(b.order.shippingAddress);
  });

  it.each<OrderStatus>(['pending_payment', 'paid', 'cancel_pending'])(
    'refuses erasure with 409 orders_open while an order is %s, and changes nothing',
    async (status) => {
      const a = await customerWithData();
      const open = await placed(a.sub, status);
      const res = await api('/me', { token: a.token, method: 'DELETE' });
      expectProblem(res, 409, 'orders_open');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: `orders/${open.id}` })]);
      expect((await api('/me', { token: a.token })).body).toMatchObject({ givenName: 'Ada' });
      expect((await adminOrder(a.order.id)).email).toBe(a.order.email);
    },
  );

  it('lets the back office export and erase any customer, and no one else', async () => {
    const [a, b] = await Promise.all([customerWithData(), customerWithData()]);
    for (const [method, path] of [
      ['GET', `/admin/customers/${b.sub}/export`],
      ['DELETE', `/admin/customers/${b.sub}`],
    ] as const) {
      expect((await api(path, { method })).status).toBe(401);
      expectProblem(await api(path, { method, token: a.token }), 403, 'forbidden');
    }
    const exported = await api(`/admin/customers/${b.sub}/export`, { token: cloud().tokens.admin });
    expect(exported.status).toBe(200);
    expect(exported.body.orders.map((o: { id: string }) => o.id)).toEqual([b.order.id]);

    const erased = await api(`/admin/customers/${b.sub}`, { method: 'DELETE', token: cloud().tokens.admin });
    expect(erased.status).toBe(204);
    expect((await adminOrder(b.order.id)).email).toBeNull();
    const event = await eventually(async () => (await erasedEvents(b.sub))[0]);
    expect(event).toMatchObject({ customerId: b.sub, by: 'admin' });
    expectProblem(
      await api(`/admin/customers/${b.sub}`, { token: cloud().tokens.admin }),
      404,
      'customer_not_found',
    );
    // A was never touched.
    expect((await api('/me/export', { token: a.token })).body.orders[0].email).toBe(a.order.email);
  });
});
