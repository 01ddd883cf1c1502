import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { queryAll, queryPage } from '#platform/data/pages.ts';
import { transact } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { derivedId, requestFingerprint } from '#platform/idempotency/derive.ts';
import type {
  CreatePriceListInput,
  PriceListPage,
  PriceRowPage,
  SetPricesInput,
  SetPricesReport,
  StoredPriceList,
  UpdatePriceListInput,
} from '../domain/price-list-inputs.ts';
import { applyPriceListPatch, newPriceList } from '../domain/price-list-rules.ts';
import type { PriceList } from '../domain/price-list-schemas.ts';
import { PRICE_LIST_CHANGED_VERSION, PRICING_SOURCE } from '../events.ts';
import { priceListKeys } from './keys.ts';
import { priceListNotFound } from './price-list-errors.ts';
import { priceListFromItem, priceListItem, storedPriceListFromItem } from './price-list-items.ts';
import { listPrices, removeAllPrices, setPrices } from './price-list-prices.ts';

type Item = Record<string, unknown>;

const versionConflict = () =>
  new ConflictError('The price list changed since it was read', 'version_conflict');
const busy = () => new ConflictError('A concurrent change got there first; retry', 'write_conflict');

const eventData = (list: StoredPriceList) => {
  const { createdAt: _c, updatedAt: _u, ...data } = list;
  return data;
};

/** Price lists in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class PriceListRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  async #item(id: string, consistent: boolean): Promise<Item | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: priceListKeys.priceList(id),
        ConsistentRead: consistent,
      }),
    );
    return Item;
  }

  /** One price list as stored (1 GetItem). */
  async get(id: string, options: { consistent?: boolean } = {}): Promise<StoredPriceList | undefined> {
    const item = await this.#item(id, options.consistent ?? false);
    return item ? storedPriceListFromItem(item) : undefined;
  }

  /**
   * Sets and removes prices of a list, reporting each row: 1 consistent GetItem (404 when the list does
   * not exist), then the requests of `setPrices`.
   */
  async setPrices(id: string, input: SetPricesInput): Promise<SetPricesReport> {
    if (!(await this.#item(id, true))) throw priceListNotFound(id);
    return setPrices(this.#table, id, input);
  }

  /** One page of a list's prices: 1 GetItem (404 when the list does not exist), then 1 Query. */
  async prices(id: string, limit: number, cursor?: string): Promise<PriceRowPage> {
    if (!(await this.#item(id, false))) throw priceListNotFound(id);
    return listPrices(this.#table, this.#cursorSecret, id, limit, cursor);
  }

  /** One page of every price list, newest first (1 Query on gsi1); the cursor is signed. */
  async list(limit: number, cursor?: string): Promise<PriceListPage> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': priceListKeys.listPartition },
        ScanIndexForward: false,
      },
      { limit, cursor, cursorSecret: this.#cursorSecret, scope: 'price-lists' },
    );
    return { items: page.items.map(storedPriceListFromItem), nextCursor: page.nextCursor };
  }

  /**
   * Every active price list in the engine's shape: 1 Query on gsi2 (further pages only past 1 MB).
   * Windows and scopes are the engine's to judge.
   */
  async active(): Promise<PriceList[]> {
    const items = await queryAll({
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': priceListKeys.activePartition },
    });
    return items.map(priceListFromItem);
  }

  /**
   * Creates a price list with its `PriceListCreated` event (1 conditional PutItem carrying the outbox
   * record). With an Idempotency-Key the id derives from it, so a retry is answered with the stored list
   * (+1 GetItem) and the key reused for another body is a 422.
   */
  async create(
    input: CreatePriceListInput,
    options: { idempotencyKey?: string; now?: Date } = {},
  ): Promise<{ priceList: StoredPriceList; replayed: boolean }> {
    const { idempotencyKey, now = new Date() } = options;
    const id =
      idempotencyKey === undefined
        ? `pl_${randomUUID()}`
        : derivedId('pl', 'price-list', [idempotencyKey], 32);
    const list = newPriceList(id, input, now);
    const requestHash =
      idempotencyKey === undefined ? undefined : requestFingerprint([idempotencyKey, input]);
    const result = await transact([
      {
        Put: {
          TableName: this.#table,
          Item: priceListItem(list, requestHash),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: outboxItem(
            PRICING_SOURCE,
            'PriceListCreated',
            eventData(list),
            now,
            PRICE_LIST_CHANGED_VERSION,
          ),
        },
      },
    ]);
    if (result.ok) return { priceList: list, replayed: false };
    if (!result.conditionFailed[0]) throw busy();
    const stored = await this.#item(id, true);
    if (stored && requestHash !== undefined && stored.requestHash === requestHash)
      return { priceList: storedPriceListFromItem(stored), replayed: true };
    throw new UnprocessableError(
      'This Idempotency-Key was already used for a different price list',
      'idempotency_key_reused',
    );
  }

  /** Applies a PATCH if `version` is current: 1 consistent GetItem + 1 conditional Put with its event. */
  async update(id: string, patch: UpdatePriceListInput, now = new Date()): Promise<StoredPriceList> {
    const item = await this.#item(id, true);
    if (!item) throw priceListNotFound(id);
    const current = storedPriceListFromItem(item);
    if (current.version !== patch.version) throw versionConflict();
    const next = applyPriceListPatch(current, patch, now);
    const hash = typeof item.requestHash === 'string' ? item.requestHash : undefined;
    const result = await transact([
      {
        Put: {
          TableName: this.#table,
          Item: priceListItem(next, hash),
          // The stored version, not the client's: a change between our read and write loses the race.
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: outboxItem(
            PRICING_SOURCE,
            'PriceListUpdated',
            eventData(next),
            now,
            PRICE_LIST_CHANGED_VERSION,
          ),
        },
      },
    ]);
    if (result.ok) return next;
    throw result.conditionFailed[0] ? versionConflict() : busy();
  }

  /**
   * Deletes a price list at `version`: its prices first (row items and the variants' copies, in
   * transactions of up to 99 items), then the list with `PriceListDeleted`. Prices go first so a failure midway
   * leaves a list that can be deleted again, never orphaned copies of a list that is gone.
   */
  async delete(id: string, version: number, now = new Date()): Promise<void> {
    const current = await this.get(id, { consistent: true });
    if (!current) throw priceListNotFound(id);
    if (current.version !== version) throw versionConflict();
    await removeAllPrices(this.#table, id);
    const result = await transact([
      {
        Delete: {
          TableName: this.#table,
          Key: priceListKeys.priceList(id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': version },
        },
      },
      { Put: { TableName: this.#table, Item: outboxItem(PRICING_SOURCE, 'PriceListDeleted', { id }, now) } },
    ]);
    if (result.ok) return;
    throw result.conditionFailed[0] ? versionConflict() : busy();
  }
}
