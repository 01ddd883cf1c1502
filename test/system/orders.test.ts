import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderCreateItems, orderView } from '#contexts/orders/data/items.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { transact } from '#platform/data/transact.ts';
import { cloud, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';
import { sampleOrder } from '../support/orders.ts';
import { newCustomer } from '../support/store.ts';

/**
 * Orders written straight into the local cloud's table, with the very Puts the placing transaction uses,
 * so they carry fixed creation times the admin date filters can select (checkout.test.ts places real ones).
 */
const place = async (orders: Order[]) => {
  for (const order of orders)
    expect(await transact(orderCreateItems(cloud().tableName, order))).toEqual({ ok: true });
  return orders;
};

describe('orders over HTTP', () => {
  // A window of minutes on a random day long ago, so the admin filters see only this run's orders.
  const day = Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000;
  const minute = (i: number) => new Date(day + i * 60_000);
  const guestToken = `token-${randomUUID()}`;
  let owner: { token: string; sub: string };
  let other: { token: string; sub: string };
  let mine: Order[];
  let guest: Order;

  beforeAll(async () => {
    useLocalDynamo();
    [owner, other] = await Promise.all([newCustomer(), newCustomer()]);
    const statuses: OrderStatus[] = ['pending_payment', 'paid', 'paid'];
    mine = await place(
      statuses.map((status, i) => sampleOrder({ customerId: owner.sub, createdAt: minute(i * 10), status })),
    );
    guest = sampleOrder({ createdAt: minute(5), status: 'paid', token: guestToken });
    await place([guest]);
  });

  it("answers a customer's order to its owner only; anyone else gets 404 as if it did not exist", async () => {
    const order = mine[1]!;
    const res = await api(`/orders/${order.id}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual(orderView(order));
    expect(res.body).not.toHaveProperty('tokenHash');
    expectProblem(await api(`/orders/${order.id}`, { token: other.token }), 404, 'order_not_found');
    expectProblem(await api(`/orders/${order.id}`), 404, 'order_not_found');
    expectProblem(await api(`/orders/${randomUUID()}`, { token: owner.token }), 404, 'order_not_found');
  });

  it('answers a guest order to its X-Order-Token only', async () => {
    const ok = await api(`/orders/${guest.id}`, { headers: { 'x-order-token': guestToken } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: guest.id, customerId: null, status: 'paid' });
    expectProblem(
      await api(`/orders/${guest.id}`, { headers: { 'x-order-token': 'wrong' } }),
      404,
      'order_not_found',
    );
    expectProblem(await api(`/orders/${guest.id}`), 404, 'order_not_found');
    expectProblem(await api(`/orders/${guest.id}`, { token: owner.token }), 404, 'order_not_found');
  });

  it("lists the caller's orders newest first, paginated, and nobody else's", async () => {
    const first = await api('/me/orders?limit=2', { token: owner.token });
    expect(first.status).toBe(200);
    const second = await api(`/me/orders?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: owner.token,
    });
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((o: { id: string }) => o.id);
    expect(ids).toEqual(mine.map((o) => o.id).reverse());
    expect(first.body.items[0]).toMatchObject({ status: 'paid', grandTotal: mine[2]!.totals.grandTotal });
    // An order awaiting payment is in its customer's list (it is in no admin status list).
    expect(second.body.items).toEqual([
      expect.objectContaining({ id: mine[0]!.id, status: 'pending_payment', itemCount: 4 }),
    ]);
    expect((await api('/me/orders', { token: other.token })).body).toEqual({ items: [], nextCursor: null });
    expect((await api('/me/orders')).status).toBe(401);
  });

  it('lets an admin filter by status, date range and customer, and read any order', async () => {
    const { admin } = cloud().tokens;
    const window = `from=${minute(0).toISOString()}&to=${minute(30).toISOString()}`;
    const ids = async (query: string) => {
      const res = await api(`/admin/orders?${query}`, { token: admin });
      expect(res.status).toBe(200);
      return res.body.items.map((o: { id: string }) => o.id);
    };
    expect(await ids(`${window}&status=paid`)).toEqual([mine[2]!.id, mine[1]!.id, guest.id]);
    // Without a status: every listed status, so not the order awaiting payment.
    expect(await ids(window)).toEqual([mine[2]!.id, mine[1]!.id, guest.id]);
    // `from` is inclusive (the guest order at minute 5), `to` exclusive (the order at minute 20 is out).
    expect(await ids(`from=${minute(5).toISOString()}&to=${minute(20).toISOString()}`)).toEqual([
      mine[1]!.id,
      guest.id,
    ]);
    expect(await ids(`customerId=${owner.sub}`)).toEqual(mine.map((o) => o.id).reverse());
    expect(await ids(`customerId=${owner.sub}&status=pending_payment`)).toEqual([mine[0]!.id]);
    expect(await ids(`customerId=${owner.sub}&status=paid`)).toEqual([mine[2]!.id, mine[1]!.id]);
    const one = await api(`/admin/orders/${guest.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(orderView(guest));
    expectProblem(await api(`/admin/orders/${randomUUID()}`, { token: admin }), 404, 'order_not_found');
    expectProblem(await api('/admin/orders?status=lost', { token: admin }), 400, 'validation_failed');
  });

  it('refuses to list orders awaiting payment across customers, saying where to find them', async () => {
    const res = await api('/admin/orders?status=pending_payment', { token: cloud().tokens.admin });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([
      {
        path: 'query.status',
        message: expect.stringMatching(/per customer \(add customerId\) or read one by id/),
      },
    ]);
  });

  it('keeps the admin routes from customers', async () => {
    expectProblem(await api('/admin/orders', { token: owner.token }), 403, 'forbidden');
    expectProblem(await api(`/admin/orders/${mine[0]!.id}`, { token: owner.token }), 403, 'forbidden');
  });
});
