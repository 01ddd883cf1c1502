import { GetCommand, PutCommand, TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { queryAll, queryPage } from '#platform/data/pages.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { promotionIdFor, requestHashOf } from '../domain/promotion-ids.ts';
import type {
  CreatePromotionInput,
  PromotionPage,
  StoredPromotion,
  UpdatePromotionInput,
} from '../domain/promotion-inputs.ts';
import { applyPatch, newPromotion } from '../domain/promotion-rules.ts';
import type { Promotion } from '../domain/promotion-schemas.ts';
import { promotionKeys } from './keys.ts';
import {
  codeItem,
  promotionFromItem,
  promotionItem,
  storedPromotionFromItem,
  usageFromItems,
} from './promotion-items.ts';

const notFound = (id: string) => new NotFoundError(`Promotion ${id} does not exist`, 'promotion_not_found');
const versionConflict = () =>
  new ConflictError('The promotion changed since it was read', 'version_conflict');
const busy = () => new ConflictError('A concurrent change got there first; retry', 'write_conflict');

/** Promotions in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class PromotionRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /** One promotion as stored (1 GetItem; `consistent` for writers, who check its version). */
  async get(id: string, options: { consistent?: boolean } = {}): Promise<StoredPromotion | undefined> {
    const item = await this.#item(id, options.consistent ?? false);
    return item ? storedPromotionFromItem(item) : undefined;
  }

  async #item(id: string, consistent: boolean): Promise<Record<string, unknown> | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: promotionKeys.promotion(id),
        ConsistentRead: consistent,
      }),
    );
    return Item;
  }

  /** A promotion with its redemption count, read together (1 TransactGetItems: one snapshot). */
  async getWithUsage(id: string): Promise<(StoredPromotion & { usage: { total: number } }) | undefined> {
    const { Responses = [] } = await documentClient().send(
      new TransactGetCommand({
        TransactItems: [
          { Get: { TableName: this.#table, Key: promotionKeys.promotion(id) } },
          { Get: { TableName: this.#table, Key: promotionKeys.usage(id) } },
        ],
      }),
    );
    const [promotion, usage] = Responses.map((r) => r?.Item);
    if (!promotion) return undefined;
    return {
      ...storedPromotionFromItem(promotion),
      usage: { total: usageFromItems(usage, undefined).total },
    };
  }

  /** One page of every promotion, newest first (1 Query on gsi1); the cursor is signed. */
  async list(limit: number, cursor?: string): Promise<PromotionPage> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': promotionKeys.listPartition },
        ScanIndexForward: false,
      },
      { limit, cursor, cursorSecret: this.#cursorSecret, scope: 'promotions' },
    );
    return { items: page.items.map(storedPromotionFromItem), nextCursor: page.nextCursor };
  }

  /**
   * Every automatic promotion (no code), in the engine's shape: 1 Query on gsi2 (few items, since each
   * applies to every cart; further pages only past 1 MB). Dates are the engine's to check.
   */
  async automatic(): Promise<Promotion[]> {
    const items = await queryAll({
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': promotionKeys.automaticPartition },
    });
    return items.map(promotionFromItem);
  }

  /**
   * Creates a promotion (1 TransactWriteItems): the promotion item and, for a code, the code's
   * uniqueness item, both `attribute_not_exists`, so two admins cannot give one code to two promotions.
   * With an Idempotency-Key the id derives from it: a retry finds its own item and is answered with it
   * (`replayed`, +1 GetItem), while the key reused for another body is a 422.
   */
  async create(
    input: CreatePromotionInput,
    options: { idempotencyKey?: string; now?: Date } = {},
  ): Promise<{ promotion: StoredPromotion; replayed: boolean }> {
    const { idempotencyKey, now = new Date() } = options;
    const promotion = newPromotion(promotionIdFor(idempotencyKey), input, now);
    const requestHash = idempotencyKey === undefined ? undefined : requestHashOf(idempotencyKey, input);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.#table,
          Item: promotionItem(promotion, requestHash),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    if (promotion.code !== undefined)
      items.push({
        Put: {
          TableName: this.#table,
          Item: codeItem(promotion.code, promotion.id),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    const result = await transact(items);
    if (result.ok) return { promotion, replayed: false };
    // The promotion item first: a replay finds its own code item taken too.
    if (result.conditionFailed[0])
      return { promotion: await this.#replay(promotion.id, requestHash), replayed: true };
    if (result.conditionFailed[1])
      throw new ConflictError(`Another promotion has code ${promotion.code}`, 'promotion_code_taken');
    throw busy();
  }

  async #replay(id: string, requestHash: string | undefined): Promise<StoredPromotion> {
    const Item = await this.#item(id, true);
    if (Item && requestHash !== undefined && Item.requestHash === requestHash)
      return storedPromotionFromItem(Item);
    throw new UnprocessableError(
      'This Idempotency-Key was already used for a different promotion',
      'idempotency_key_reused',
    );
  }

  /** Applies a PATCH if `version` is current: 1 consistent GetItem + 1 PutItem conditional on it. */
  async update(id: string, patch: UpdatePromotionInput, now = new Date()): Promise<StoredPromotion> {
    const item = await this.#item(id, true);
    if (!item) throw notFound(id);
    const current = storedPromotionFromItem(item);
    if (current.version !== patch.version) throw versionConflict();
    const next = applyPatch(current, patch, now);
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          // The create's fingerprint stays, so a late retry of the create is still recognised as one.
          Item: promotionItem(next, typeof item.requestHash === 'string' ? item.requestHash : undefined),
          // The stored version, not the client's: a change between our read and write loses the race.
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw versionConflict();
      throw error;
    }
    return next;
  }

  /**
   * Deletes a promotion at `version` and frees its code: 1 consistent GetItem + 1 TransactWriteItems.
   * Usage counters stay (history); a new promotion gets a new id, so they never count for it.
   */
  async delete(id: string, version: number): Promise<void> {
    const current = await this.get(id, { consistent: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict();
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: this.#table,
          Key: promotionKeys.promotion(id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': version },
        },
      },
    ];
    if (current.code !== undefined)
      items.push({ Delete: { TableName: this.#table, Key: promotionKeys.code(current.code) } });
    const result = await transact(items);
    if (result.ok) return;
    if (result.conditionFailed[0]) throw versionConflict();
    throw busy();
  }
}
