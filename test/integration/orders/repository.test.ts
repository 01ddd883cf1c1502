import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, orderCreateItems } from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import { adminOrdersQuery } from '#contexts/orders/domain/queries.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

const minute = (i: number) => new Date(Date.UTC(2026, 2, 1, 0, i));

/** Writes orders through the checkout's own Puts, one transaction each (as the saga does). */
const place = async (table: string, orders: Order[]) => {
  for (const order of orders) expect(await transact(orderCreateItems(table, order))).toEqual({ ok: true });
  return orders;
};

/** An item as stored (strongly consistent). */
const stored = async (table: string, key: Record<string, string>) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

/** The ids in one status bucket of gsi2, as the index holds them. */
const inStatusPartition = async (table: string, status: OrderStatus, orderId: string) => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': orderKeys.statusPartition(status, bucketOf(orderId)) },
    }),
  );
  return Items.filter((item) => item.id === orderId).map((item) => item.entity);
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
  // The transition tests' customer, so the listing tests' expectations stay Ada's, Bob's and the timeline's.
  const carl = `cust-${randomUUID()}`;
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

  it('creates an order once: the same Puts in a second transaction fail their conditions', async () => {
    const [order] = await place(table, [sampleOrder({ customerId: ada, createdAt: minute(100) })]);
    expect(await repo.get(order!.id)).toEqual(order);
    expect(await transact(orderCreateItems(table, order!))).toMatchObject({
      ok: false,
      conditionFailed: [true, true],
    });
    expect(await repo.get('no-such-order')).toBeUndefined();
  });

  it('stores a guest order: the body with its token hash and no index keys, the summary in its status list', async () => {
    const guest = timeline[2]!;
    const body = await stored(table, orderKeys.order(guest.id));
    expect(body).toMatchObject({ entity: 'ORDER', tokenHash: guest.tokenHash });
    expect(Object.keys(body ?? {}).filter((k) => k.startsWith('gsi'))).toEqual([]);
    const summary = await stored(table, orderKeys.summary(guest.id));
    expect(summary).toMatchObject({ entity: 'ORDER_SUMMARY', status: 'expired', customerId: null });
    expect(summary).not.toHaveProperty('tokenHash');
    expect(summary).not.toHaveProperty('gsi1pk');
    expect(summary?.gsi2pk).toBe(orderKeys.statusPartition('expired', bucketOf(guest.id)));
  });

  it('keeps an unpaid order out of every status partition, and lists it for its customer', async () => {
    const [order] = await place(table, [sampleOrder({ customerId: carl, createdAt: minute(150) })]);
    expect(await stored(table, orderKeys.summary(order!.id))).not.toHaveProperty('gsi2pk');
    expect(await inStatusPartition(table, 'pending_payment', order!.id)).toEqual([]);
    const everyListed = await allPages(repo, { limit: 100 });
    expect(everyListed.ids).not.toContain(order!.id);
    const mine = await repo.listForCustomer(carl, 100);
    expect(mine.items.find((o) => o.id === order!.id)).toMatchObject({ status: 'pending_payment' });
  });

  it('applies a transition once: the summary gets the history and moves into the status list, the body is not written', async () => {
    const [order] = await place(table, [sampleOrder({ createdAt: minute(200) })]);
    const body = await stored(table, orderKeys.order(order!.id));
    const at = new Date().toISOString();
    const move = () => transact(orderTransitionItems(table, order!, ['pending_payment'], 'paid', at));
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
    const summary = await stored(table, orderKeys.summary(order!.id));
    expect(summary).toMatchObject({ status: 'paid', updatedAt: at, version: 2 });
    expect(summary?.gsi2pk).toBe(orderKeys.statusPartition('paid', bucketOf(order!.id)));
    expect(summary?.gsi2sk).toBe(orderKeys.sortKey(order!.createdAt, order!.id));
    expect(await inStatusPartition(table, 'paid', order!.id)).toEqual(['ORDER_SUMMARY']);
    expect(await stored(table, orderKeys.order(order!.id))).toEqual(body);
  });

  it('moves a refunded order from the paid partition to the refunded one in the same transaction', async () => {
    const [order] = await place(table, [
      sampleOrder({ customerId: carl, createdAt: minute(250), status: 'paid' }),
    ]);
    expect(await inStatusPartition(table, 'paid', order!.id)).toEqual(['ORDER_SUMMARY']);
    const at = new Date().toISOString();
    expect(await transact(orderTransitionItems(table, order!, ['paid'], 'refunded', at))).toEqual({
      ok: true,
    });
    expect(await inStatusPartition(table, 'paid', order!.id)).toEqual([]);
    expect(await inStatusPartition(table, 'refunded', order!.id)).toEqual(['ORDER_SUMMARY']);
    expect((await allPages(repo, { status: 'refunded', limit: 10 })).ids).toContain(order!.id);
    expect((await allPages(repo, { status: 'paid', limit: 100 })).ids).not.toContain(order!.id);
    expect((await repo.listForCustomer(carl, 100)).items.find((o) => o.id === order!.id)).toMatchObject({
      status: 'refunded',
      updatedAt: at,
    });
  });

  it('writes neither item when a transition is refused', async () => {
    const [order] = await place(table, [
      sampleOrder({ customerId: carl, createdAt: minute(260), status: 'canceled' }),
    ]);
    const before = await Promise.all([
      stored(table, orderKeys.order(order!.id)),
      stored(table, orderKeys.summary(order!.id)),
    ]);
    const late = orderTransitionItems(table, order!, ['pending_payment'], 'paid', new Date().toISOString());
    expect(await transact(late)).toMatchObject({ ok: false, conditionFailed: [true] });
    expect(
      await Promise.all([
        stored(table, orderKeys.order(order!.id)),
        stored(table, orderKeys.summary(order!.id)),
      ]),
    ).toEqual(before);
    expect(await inStatusPartition(table, 'paid', order!.id)).toEqual([]);
  });

  it('never moves a paid order back: a late failure is refused with the stored order, a missing order too', async () => {
    const [order] = await place(table, [sampleOrder({ createdAt: minute(300) })]);
    const move = (o: Order, from: OrderStatus[], to: OrderStatus, reason?: string) =>
      transact(orderTransitionItems(table, o, from, to, new Date().toISOString(), reason));
    expect(await move(order!, ['pending_payment'], 'paid')).toEqual({ ok: true });
    expect(await move(order!, ['pending_payment'], 'payment_failed', 'card_declined')).toMatchObject({
      ok: false,
      conditionFailed: [true],
    });
    expect((await repo.get(order!.id))?.statusHistory).toHaveLength(2);
    expect(await move((await repo.get(order!.id))!, ['paid'], 'refunded', 'charge_refunded')).toEqual({
      ok: true,
    });
    expect((await repo.get(order!.id))?.statusHistory.map((s) => s.status)).toEqual([
      'pending_payment',
      'paid',
      'refunded',
    ]);
    const missing = sampleOrder();
    expect(await move(missing, ['pending_payment'], 'paid')).toMatchObject({ ok: false });
    expect(await stored(table, orderKeys.summary(missing.id))).toBeUndefined();
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
    // Without a status: every listed status, so not the orders awaiting payment.
    const inRange = timeline
      .slice(5, 17)
      .filter((o) => o.status !== 'pending_payment')
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
