import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { decodeCursor, encodeCursor } from '#platform/data/cursor.ts';
import { queryPage } from '#platform/data/pages.ts';
import { transact } from '#platform/data/transact.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import type { AdminOrdersQuery } from '../domain/queries.ts';
import type { Order, OrderPage } from '../domain/schemas.ts';
import { LISTED_STATUSES } from '../domain/status.ts';
import { type OrderPartition, orderPage, type SortRange } from './index-pages.ts';
import { isLegacyBody, listRowOf, orderFromItems } from './items.ts';
import { orderKeys } from './keys.ts';
import { summaryFilter } from './list-filter.ts';
import { legacyOrderMigration } from './transitions.ts';

/** 404 for an order that does not exist or that the caller may not know exists. */
export const orderNotFound = (id: string) =>
  new NotFoundError(`Order ${id} does not exist`, 'order_not_found');

/**
 * The partitions an admin filter reads, each with what to keep of it: one customer's (gsi1, the status
 * and facets filtered), or each bucket of each listed status (gsi2, the facets filtered) in which an
 * order can show the payment status asked for (`paymentStatus=failed` reads `payment_failed` only). The
 * query schema refuses `pending_payment` without a customer: it has no gsi2 partitions.
 */
const adminSources = (filters: AdminOrdersQuery): OrderPartition[] => {
  if (filters.customerId) {
    const filter = summaryFilter(filters);
    const partition = orderKeys.customerPartition(filters.customerId);
    return filter === null ? [] : [{ index: 'gsi1', partition, ...(filter ? { filter } : {}) }];
  }
  const statuses = filters.status ? [filters.status] : LISTED_STATUSES;
  return statuses.flatMap((status) => {
    const filter = summaryFilter(filters, status);
    if (filter === null) return [];
    return Array.from({ length: orderKeys.buckets }, (_, bucket) => ({
      index: 'gsi2' as const,
      partition: orderKeys.statusPartition(status, bucket),
      ...(filter ? { filter } : {}),
    }));
  });
};

/**
 * The admin cursor is bound to its filters: a cursor of one filter set is invalid for another. (The
 * facets are appended only when set, so a cursor made before they existed stays valid.)
 */
const adminScope = (f: AdminOrdersQuery) =>
  `orders:admin:${f.status ?? '*'}:${f.customerId ?? '*'}:${f.from ?? ''}:${f.to ?? ''}` +
  (f.paymentStatus || f.fulfillmentStatus ? `:${f.paymentStatus ?? '*'}:${f.fulfillmentStatus ?? '*'}` : '') +
  (f.channelId ? `:channel:${f.channelId}` : '');

/** Orders in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class OrderRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /** The order's two items, body and summary (1 Query of its partition, strongly consistent). */
  async #items(id: string) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': orderKeys.order(id).pk },
        ConsistentRead: true,
      }),
    );
    const body = Items.find((i) => i.sk === orderKeys.order(id).sk);
    const summary = Items.find((i) => i.sk === orderKeys.summary(id).sk);
    return { body, summary };
  }

  /**
   * One order: its body with the state from its summary (1 Query, strongly consistent: a shopper reads
   * their order right after paying).
   */
  async get(id: string): Promise<Order | undefined> {
    const { body, summary } = await this.#items(id);
    return body ? orderFromItems(body, summary) : undefined;
  }

  /**
   * One order about to change: as `get`, after moving an order stored before its state lived on the
   * summary (`legacyOrderMigration`, 1 TransactWriteItems, once per such order; a concurrent move is
   * fine). Every status or payment change reads the order with this, so its write finds the state on the
   * summary. 1 Query (+ 1 transaction and 1 Query for an older order).
   */
  async getForUpdate(id: string): Promise<Order | undefined> {
    const { body, summary } = await this.#items(id);
    if (!body) return undefined;
    if (!isLegacyBody(body)) return orderFromItems(body, summary);
    await transact(legacyOrderMigration(this.#table, body));
    return this.get(id);
  }

  /**
   * One page of a customer's orders in every status, newest first (1 Query on gsi1, over the summaries:
   * no order body is read); the cursor is signed.
   */
  async listForCustomer(customerId: string, limit: number, cursor?: string): Promise<OrderPage> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': orderKeys.customerPartition(customerId) },
        ScanIndexForward: false,
      },
      {
        limit: limit,
        cursor: cursor,
        cursorSecret: this.#cursorSecret,
        scope: `orders:customer:${customerId}`,
      },
    );
    return { items: page.items.map(listRowOf), nextCursor: page.nextCursor };
  }

  /**
   * One page of the admin list, newest first, read from the summaries. With `customerId`: 1 Query on gsi1
   * (the date range in the key condition, a status, `pending_payment` included, and the facets as a
   * filter over that customer's orders). Otherwise 1 Query per bucket of each listed status on gsi2 in
   * parallel (16 with a status, 96 without: 6 listed statuses × 16 buckets; fewer with a payment status
   * that only some statuses show), the date range in each key condition, the facets as a filter. A
   * filtered page reads up to `MAX_ROUNDS` times that to fill itself.
   */
  async listForAdmin(filters: AdminOrdersQuery): Promise<OrderPage> {
    const scope = adminScope(filters);
    const after = filters.cursor ? decodeCursor(filters.cursor, this.#cursorSecret, scope).after : undefined;
    const upper = [filters.to, after].filter((b): b is string => !!b).sort()[0];
    const range: SortRange = {
      ...(filters.from ? { lower: filters.from } : {}),
      ...(upper ? { upper } : {}),
    };
    const page = await orderPage(this.#table, adminSources(filters), range, filters.limit);
    return {
      items: page.rows,
      nextCursor: page.after ? encodeCursor({ after: page.after }, this.#cursorSecret, scope) : null,
    };
  }
}
