import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfills } from '#app/backfills.ts';
import { ordersStateV2 } from '#contexts/orders/data/backfill.ts';
import {
  bucketOf,
  orderCreateItems,
  orderSummary,
  STATE_FIELDS,
  summaryItem,
} from '#contexts/orders/data/items.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import { listedPaymentStatus } from '#contexts/orders/domain/facets.ts';
import { adminOrdersQuery } from '#contexts/orders/domain/queries.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { runBackfill } from '#platform/data/backfill.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

const minute = (i: number) => new Date(Date.UTC(2025, 5, 1, 0, i));

/** An order's body as the code before this design stored it: the whole order, state included. */
const stateBody = (order: Order) => ({ ...orderKeys.order(order.id), entity: 'ORDER', ...order });

/**
 * An order as the first design stored it: one item, the body, with both index keys on it (gsi1 for a
 * customer's order; gsi2 in its status, pending included, over 4 buckets of the same hash).
 */
const legacyBody = (order: Order) => ({
  ...stateBody(order),
  ...(order.customerId ? orderKeys.byCustomer(order.customerId, order.createdAt, order.id) : {}),
  gsi2pk: `ORDERS#status#${order.status}#${bucketOf(order.id) % 4}`,
  gsi2sk: orderKeys.sortKey(order.createdAt, order.id),
});

/** The summary the design in between wrote beside a state body: list row, index keys, version only. */
const rowOnlySummary = (order: Order) => {
  const { statusHistory: _h, payment: _p, ...row } = summaryItem(order);
  return row;
};

const get = async (table: string, key: Record<string, string>) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

/** Every admin page of a filter, following the cursor. */
const adminIds = async (repo: OrderRepository, query: Record<string, string | number>) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await repo.listForAdmin(adminOrdersQuery.parse({ ...query, ...(cursor ? { cursor } : {}) }));
    ids.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
};

/** An order's list row: none of these orders stores a facet the status does not imply. */
const row = (order: Order) => ({
  ...orderSummary(order),
  paymentStatus: listedPaymentStatus(order.status),
  fulfillmentStatus: 'unfulfilled',
});

const newestFirst = (orders: Order[]) =>
  [...orders].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map((o) => o.id);

describe('orders-state-v2 backfill', () => {
  let table: string;
  let repo: OrderRepository;
  const ada = `cust-${randomUUID()}`;
  let legacy: Order[];
  let placedSince: Order;

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    repo = new OrderRepository(table, 'secret');
    const statuses: OrderStatus[] = ['paid', 'pending_payment', 'expired', 'refunded'];
    // 20 orders of the old design, statuses and owners (Ada or a guest) cycling.
    legacy = Array.from({ length: 20 }, (_, i) =>
      sampleOrder({
        createdAt: minute(i),
        status: statuses[i % 4]!,
        ...(i % 2 === 0 ? { customerId: ada } : {}),
      }),
    );
    // The first 16 as the first design stored them; the last 4 as the design in between did.
    for (const [i, order] of legacy.entries()) {
      const items = i < 16 ? [legacyBody(order)] : [stateBody(order), rowOnlySummary(order)];
      for (const Item of items) await documentClient().send(new PutCommand({ TableName: table, Item }));
    }
    // One order placed since the deploy: it has its summary already.
    placedSince = sampleOrder({ customerId: ada, createdAt: minute(30), status: 'paid' });
    expect(await transact(orderCreateItems(table, placedSince))).toEqual({ ok: true });
  });

  it('is registered for `npm run backfill`, over order bodies only', () => {
    expect(backfills).toContain(ordersStateV2);
    expect(ordersStateV2).toMatchObject({ name: 'orders-state-v2', entities: ['ORDER'] });
  });

  it('before it runs, lists still show stored orders from their bodies, and each opens by id', async () => {
    const paid = legacy.filter((o) => o.status === 'paid');
    expect(await adminIds(repo, { status: 'paid', limit: 3 })).toEqual(newestFirst([placedSince, ...paid]));
    const adas = legacy.filter((o) => o.customerId === ada);
    const mine = await repo.listForCustomer(ada, 100);
    expect(mine.items.map((o) => o.id)).toEqual(newestFirst([placedSince, ...adas]));
    expect(mine.items.find((o) => o.id === adas[0]!.id)).toEqual(row(adas[0]!));
    expect(await repo.get(legacy[1]!.id)).toEqual(legacy[1]);
    expect(await repo.get(legacy[17]!.id)).toEqual(legacy[17]);
  });

  it.each([
    ['the first design', 5],
    ['the design in between', 17],
  ])('lets an order stored by %s move before the backfill: its first change moves it, once', async (_, i) => {
    const pending = legacy[i]!;
    expect(pending.status).toBe('pending_payment');
    const stale = (await get(table, orderKeys.order(pending.id)))!;
    const read = (await repo.getForUpdate(pending.id))!;
    expect(read).toEqual(pending);
    const at = minute(40).toISOString();
    expect(await transact(orderTransitionItems(table, read, ['pending_payment'], 'paid', at))).toEqual({
      ok: true,
    });
    legacy[i] = (await repo.get(pending.id))!;
    expect(legacy[i]).toMatchObject({
      status: 'paid',
      version: 2,
      statusHistory: [{}, { status: 'paid', at }],
    });
    const body = await get(table, orderKeys.order(pending.id));
    expect(
      Object.keys(body ?? {}).filter(
        (k) => k.startsWith('gsi') || (STATE_FIELDS as readonly string[]).includes(k),
      ),
    ).toEqual([]);
    expect(await get(table, orderKeys.summary(pending.id))).toMatchObject({ status: 'paid', version: 2 });
    // A backfill that read the body before the move: its writes are refused, the summary stays paid.
    expect(await transact(await ordersStateV2.migrate(table, stale))).toMatchObject({ ok: false });
    expect(await get(table, orderKeys.summary(pending.id))).toMatchObject({ status: 'paid', version: 2 });
    expect(await ordersStateV2.migrate(table, body!)).toEqual([]);
  });

  it('moves every stored order’s index keys to its summary, once; a second run changes nothing', async () => {
    const report = await runBackfill(table, ordersStateV2, { segments: 2, pageSize: 4 });
    // 21 bodies read: 18 old ones migrated; the two moved above and the one placed since were done.
    expect(report).toMatchObject({ scanned: 21, migrated: 18 });

    const { Items = [] } = await documentClient().send(
      new ScanCommand({ TableName: table, ConsistentRead: true }),
    );
    const bodies = Items.filter((i) => i.entity === 'ORDER');
    expect(bodies.filter((b) => Object.keys(b).some((k) => k.startsWith('gsi') || k === 'status'))).toEqual(
      [],
    );
    for (const [i, order] of legacy.entries()) {
      // The two paid since stored their payment status then; the backfill writes no facet.
      const facets = i === 5 || i === 17 ? { paymentStatus: 'paid' as const } : {};
      expect(await get(table, orderKeys.summary(order.id))).toEqual(summaryItem(order, facets));
      expect(await repo.get(order.id)).toEqual(order);
    }
    // Orders awaiting payment are in no status list any more.
    expect(Items.filter((i) => String(i.gsi2pk ?? '').startsWith('ORDERS#status#pending_payment#'))).toEqual(
      [],
    );

    const again = await runBackfill(table, { ...ordersStateV2, name: 'orders-state-v2-rerun' });
    expect(again).toMatchObject({ scanned: 21, migrated: 0 });
    const resumed = await runBackfill(table, ordersStateV2, { segments: 2 });
    expect(resumed).toMatchObject({ migrated: 18, resumedDone: 2 });
  });

  it('leaves the lists whole after it ran: every status list, a customer’s orders, no order twice', async () => {
    const all = [...legacy, placedSince];
    for (const status of ['paid', 'expired', 'refunded'] as const)
      expect(await adminIds(repo, { status, limit: 2 })).toEqual(
        newestFirst(all.filter((o) => o.status === status)),
      );
    expect(await adminIds(repo, { limit: 4 })).toEqual(
      newestFirst(all.filter((o) => o.status !== 'pending_payment')),
    );
    const mine = await repo.listForCustomer(ada, 100);
    expect(mine.items).toEqual(
      newestFirst(all.filter((o) => o.customerId === ada)).map((id) => row(all.find((o) => o.id === id)!)),
    );
    expect(await adminIds(repo, { customerId: ada, status: 'pending_payment', limit: 10 })).toEqual(
      newestFirst(all.filter((o) => o.customerId === ada && o.status === 'pending_payment')),
    );
  });
});
