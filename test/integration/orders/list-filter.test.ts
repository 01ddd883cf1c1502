import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OrderFulfillmentStatus, orderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import { summaryItem } from '#contexts/orders/data/items.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { listedFulfillmentStatus, listedPaymentStatus } from '#contexts/orders/domain/facets.ts';
import { adminOrdersQuery } from '#contexts/orders/domain/queries.ts';
import {
  type Order,
  type OrderStatus,
  orderStatus,
  type PaymentStatus,
  paymentStatus,
} from '#contexts/orders/domain/schemas.ts';
import { isListed } from '#contexts/orders/domain/status.ts';
import { documentClient } from '#platform/data/client.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

const minute = (i: number) => new Date(Date.UTC(2026, 4, 1, 0, i));

/** An order's summary as stored, with the facets given (none: stored before they were). */
interface Stored {
  readonly order: Order;
  readonly paymentStatus?: PaymentStatus;
  readonly fulfillmentStatus?: OrderFulfillmentStatus;
}

const put = (table: string, { order, ...facets }: Stored) =>
  documentClient().send(new PutCommand({ TableName: table, Item: summaryItem(order, facets) }));

/** Every page of an admin list, following the cursor: the ids, and how many rows each page had. */
const allPages = async (repo: OrderRepository, query: Record<string, string | number>) => {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await repo.listForAdmin(adminOrdersQuery.parse({ ...query, ...(cursor ? { cursor } : {}) }));
    ids.push(...page.items.map((o) => o.id));
    sizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor && sizes.length < 100);
  return { ids, sizes };
};

const newestFirst = (stored: readonly Stored[]) =>
  [...stored].sort((a, b) => b.order.createdAt.localeCompare(a.order.createdAt)).map((s) => s.order.id);

describe('the admin list filtered by payment and fulfillment status, against DynamoDB', () => {
  let table: string;
  let repo: OrderRepository;
  const ada = `cust-${randomUUID()}`;
  // Every status with every value a summary can store (absent included), one customer's orders.
  const facetsOf = (i: number) => [undefined, ...orderFulfillmentStatus.options][i % 6];
  const every: Stored[] = orderStatus.options.flatMap((status, s) =>
    [undefined, ...paymentStatus.options].map((stored, p) => {
      const i = s * 7 + p;
      const order = sampleOrder({ customerId: ada, createdAt: minute(i), status });
      return {
        order,
        ...(stored ? { paymentStatus: stored } : {}),
        ...(facetsOf(i) ? { fulfillmentStatus: facetsOf(i) } : {}),
      };
    }),
  );
  const shows = (s: Stored) => ({
    paymentStatus: listedPaymentStatus(s.order.status, s.paymentStatus),
    fulfillmentStatus: listedFulfillmentStatus(s.fulfillmentStatus),
  });

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    repo = new OrderRepository(table, 'secret');
    for (const stored of every) await put(table, stored);
  });

  it('shows on each row the facets the list reads from what its summary stores', async () => {
    const page = await repo.listForAdmin(adminOrdersQuery.parse({ customerId: ada, limit: 100 }));
    expect(page.items).toHaveLength(every.length);
    for (const row of page.items) {
      const stored = every.find((s) => s.order.id === row.id)!;
      expect(row).toMatchObject(shows(stored));
    }
  });

  it.each(paymentStatus.options)(
    'lists a customer’s orders showing payment status %s, and no other',
    async (wanted) => {
      const expected = newestFirst(every.filter((s) => shows(s).paymentStatus === wanted));
      expect(expected.length).toBeGreaterThan(0);
      expect((await allPages(repo, { customerId: ada, paymentStatus: wanted, limit: 4 })).ids).toEqual(
        expected,
      );
    },
  );

  it.each(paymentStatus.options.filter((p) => p !== 'pending'))(
    'lists every listed order showing payment status %s through the status buckets',
    async (wanted) => {
      const expected = newestFirst(
        every.filter((s) => isListed(s.order.status) && shows(s).paymentStatus === wanted),
      );
      expect((await allPages(repo, { paymentStatus: wanted, limit: 4 })).ids).toEqual(expected);
    },
  );

  it.each(orderFulfillmentStatus.options)(
    'lists the orders whose goods are %s, a missing facet meaning unfulfilled',
    async (wanted) => {
      const expected = (listed: boolean) =>
        newestFirst(
          every.filter((s) => (!listed || isListed(s.order.status)) && shows(s).fulfillmentStatus === wanted),
        );
      expect((await allPages(repo, { customerId: ada, fulfillmentStatus: wanted, limit: 5 })).ids).toEqual(
        expected(false),
      );
      expect((await allPages(repo, { fulfillmentStatus: wanted, limit: 5 })).ids).toEqual(expected(true));
    },
  );

  it('combines the facets with a status, and answers an impossible combination without reading', async () => {
    const match = (status: OrderStatus, pay: PaymentStatus, ful: OrderFulfillmentStatus) =>
      newestFirst(
        every.filter(
          (s) =>
            s.order.status === status && shows(s).paymentStatus === pay && shows(s).fulfillmentStatus === ful,
        ),
      );
    for (const customer of [{ customerId: ada }, {}] as Record<string, string>[]) {
      const query = {
        ...customer,
        status: 'paid',
        paymentStatus: 'paid',
        fulfillmentStatus: 'unfulfilled',
        limit: 2,
      };
      expect((await allPages(repo, query)).ids).toEqual(match('paid', 'paid', 'unfulfilled'));
      const impossible = { ...customer, status: 'expired', paymentStatus: 'paid' };
      expect(await repo.listForAdmin(adminOrdersQuery.parse(impossible))).toEqual({
        items: [],
        nextCursor: null,
      });
    }
  });

  it('reads on to fill a page a filter thins, and goes on by the cursor when the matches are rare', async () => {
    const bob = `cust-${randomUUID()}`;
    // 40 orders, newest first every other one partly refunded; then the two oldest of 40 more.
    const alternate: Stored[] = Array.from({ length: 40 }, (_, i) => ({
      order: sampleOrder({ customerId: bob, createdAt: minute(200 - i), status: 'paid' }),
      ...(i % 2 === 0 ? { paymentStatus: 'partially_refunded' as const } : {}),
    }));
    for (const stored of alternate) await put(table, stored);
    const thinned = await allPages(repo, { customerId: bob, paymentStatus: 'partially_refunded', limit: 5 });
    // One Query of 6 summaries keeps 3: the page reads on (rounds) until it has 5.
    expect(thinned.sizes.slice(0, 3)).toEqual([5, 5, 5]);
    expect(thinned.ids).toEqual(newestFirst(alternate.filter((s) => s.paymentStatus)));

    const carl = `cust-${randomUUID()}`;
    const rare: Stored[] = Array.from({ length: 40 }, (_, i) => ({
      order: sampleOrder({ customerId: carl, createdAt: minute(300 - i), status: 'paid' }),
      ...(i >= 38 ? { paymentStatus: 'refunded' as const } : {}),
    }));
    for (const stored of rare) await put(table, stored);
    const found = await allPages(repo, { customerId: carl, paymentStatus: 'refunded', limit: 3 });
    // A page reads at most 4 rounds of 4 summaries: the first is empty, with a cursor to go on.
    expect(found.sizes[0]).toBe(0);
    expect(found.ids).toEqual(newestFirst(rare.slice(38)));
  });
});
