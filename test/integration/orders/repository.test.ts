import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, orderCreatePut } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderTransitionUpdate } from '#contexts/orders/data/transitions.ts';
import { adminOrdersQuery } from '#contexts/orders/domain/queries.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

const minute = (i: number) => new Date(Date.UTC(2026, 2, 1, 0, i));

/** Writes orders through the checkout's own Put, one transaction each (as the saga will). */
const place = async (table: string, orders: Order[]) => {
  for (const order of orders) expect(await transact([orderCreatePut(table, order)])).toEqual({ ok: true });
  return orders;
};

const admin = (repo: OrderRepository, query: Record<string, string | number>) =>
  repo.listForAdmin(adminOrdersQuery.parse(query));

/** Every page of an admin list, following the cursor. */
const allPages = async (repo: OrderRepository, query: Record<string, string | number>) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await admin(repo, { ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, pages };
};

describe('OrderRepository', () => {
  let table: string;
  let repo: OrderRepository;
  const ada = `cust-${randomUUID()}`;
  const bob = `cust-${randomUUID()}`;
  let adas: Order[];
  let timeline: Order[];

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    repo = new OrderRepository(table, 'secret');
    const statuses: OrderStatus[] = ['paid', 'pending_payment', 'expired'];
    // 24 orders a minute apart, cycling through three statuses and three owners (Ada, Bob, a guest).
    timeline = Array.from({ length: 24 }, (_, i) =>
      sampleOrder({
        createdAt: minute(i),
        status: statuses[i % 3]!,
        ...(i % 3 === 0 ? { customerId: ada } : i % 3 === 1 ? { customerId: bob } : {}),
      }),
    );
    await place(table, timeline);
    adas = timeline.filter((o) => o.customerId === ada);
  });

  it('creates an order once: the same Put in a second transaction fails its condition', async () => {
    const [order] = await place(table, [sampleOrder({ customerId: ada, createdAt: minute(100) })]);
    expect(await repo.get(order!.id)).toEqual(order);
    expect(await transact([orderCreatePut(table, order!)])).toMatchObject({
      ok: false,
      conditionFailed: [true],
    });
    expect(await repo.get('no-such-order')).toBeUndefined();
  });

  it('stores a guest order with its token hash and no customer index keys', async () => {
    const guest = timeline[2]!;
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table, Key: orderKeys.order(guest.id) }),
    );
    expect(Item).toMatchObject({ entity: 'ORDER', tokenHash: guest.tokenHash });
    expect(Item).not.toHaveProperty('gsi1pk');
    expect(Item?.gsi2pk).toBe(orderKeys.statusPartition('expired', bucketOf(guest.id)));
  });

  it('applies a transition once, appends the history and moves the status index key', async () => {
    const [order] = await place(table, [sampleOrder({ createdAt: minute(200) })]);
    const at = new Date().toISOString();
    const move = () => transact([orderTransitionUpdate(table, order!.id, ['pending_payment'], 'paid', at)]);
    expect(await move()).toEqual({ ok: true });
    expect(await move()).toMatchObject({ ok: false, conditionFailed: [true] });
    const paid = await repo.get(order!.id);
    expect(paid).toMatchObject({
      status: 'paid',
      version: 2,
      updatedAt: at,
    });
    expect(paid?.statusHistory).toEqual([
      { status: 'pending_payment', at: order!.createdAt },
      { status: 'paid', at },
    ]);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table, Key: orderKeys.order(order!.id) }),
    );
    expect(Item?.gsi2pk).toBe(orderKeys.statusPartition('paid', bucketOf(order!.id)));
    expect(Item?.gsi2sk).toBe(orderKeys.sortKey(order!.createdAt, order!.id));
  });

  it('never moves a paid order back: a late failure is refused with the stored order, a missing order too', async () => {
    const [order] = await place(table, [sampleOrder({ createdAt: minute(300) })]);
    const move = (id: string, from: OrderStatus[], to: OrderStatus, reason?: string) =>
      transact([orderTransitionUpdate(table, id, from, to, new Date().toISOString(), reason)]);
    expect(await move(order!.id, ['pending_payment'], 'paid')).toEqual({ ok: true });
    expect(await move(order!.id, ['pending_payment'], 'payment_failed', 'card_declined')).toMatchObject({
      ok: false,
      conditionFailed: [true],
    });
    expect((await repo.get(order!.id))?.statusHistory).toHaveLength(2);
    expect(await move(order!.id, ['paid'], 'refunded', 'charge_refunded')).toEqual({ ok: true });
    expect((await repo.get(order!.id))?.statusHistory.map((s) => s.status)).toEqual([
      'pending_payment',
      'paid',
      'refunded',
    ]);
    expect(await move('missing-order', ['pending_payment'], 'paid')).toMatchObject({ ok: false });
  });

  it("lists a customer's orders newest first, one page at a time", async () => {
    const expected = timeline
      .filter((o) => o.customerId === bob)
      .map((o) => o.id)
      .reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 4; page += 1) {
      const result = await repo.listForCustomer(bob, 3, cursor);
      seen.push(...result.items.map((o) => o.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(expected);
    const first = (await repo.listForCustomer(bob, 3)).items[0]!;
    expect(first).toMatchObject({ customerId: bob, currency: 'EUR', itemCount: 4 });
    await expect(repo.listForCustomer(ada, 3, cursor)).rejects.toMatchObject({ code: 'invalid_cursor' });
  });

  it('filters the admin list by status across every bucket, newest first, pages without gaps or repeats', async () => {
    const expected = timeline
      .filter((o) => o.status === 'expired')
      .map((o) => o.id)
      .reverse();
    const { ids, pages } = await allPages(repo, { status: 'expired', limit: 3 });
    expect(ids).toEqual(expected);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('filters the admin list by a date range (from inclusive, to exclusive), with and without a status', async () => {
    const inRange = timeline
      .slice(5, 17)
      .map((o) => o.id)
      .reverse();
    const range = { from: minute(5).toISOString(), to: minute(17).toISOString() };
    const all = await allPages(repo, { ...range, limit: 5 });
    expect(all.ids.filter((id) => timeline.some((o) => o.id === id))).toEqual(inRange);
    const paid = await allPages(repo, { ...range, status: 'paid', limit: 2 });
    expect(paid.ids).toEqual(
      timeline
        .slice(5, 17)
        .filter((o) => o.status === 'paid')
        .map((o) => o.id)
        .reverse(),
    );
    // A date alone means midnight UTC; the whole timeline is on 2026-03-01.
    expect((await allPages(repo, { from: '2026-03-02', limit: 10 })).ids).toEqual([]);
  });

  it('filters the admin list by customer through the customer index, with a status and a date range', async () => {
    const ids = (await allPages(repo, { customerId: ada, to: minute(50).toISOString(), limit: 3 })).ids;
    expect(ids).toEqual(adas.map((o) => o.id).reverse());
    const paid = await allPages(repo, {
      customerId: ada,
      status: 'paid',
      from: minute(6).toISOString(),
      to: minute(50).toISOString(),
      limit: 2,
    });
    expect(paid.ids).toEqual(
      adas
        .filter((o) => o.createdAt >= minute(6).toISOString())
        .map((o) => o.id)
        .reverse(),
    );
    expect((await allPages(repo, { customerId: ada, status: 'expired', limit: 5 })).ids).toEqual([]);
  });

  it('binds an admin cursor to its filters', async () => {
    const page = await admin(repo, { status: 'paid', limit: 1 });
    expect(page.nextCursor).toEqual(expect.any(String));
    await expect(
      admin(repo, { status: 'expired', limit: 1, cursor: page.nextCursor! }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalid_cursor',
    });
  });
});
