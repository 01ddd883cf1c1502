import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { cancellationReasons } from '#platform/data/conditions.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import {
  type Category,
  type CreateCategoryInput,
  categorySchema,
  MAX_CATEGORIES,
  type UpdateCategoryInput,
} from '../domain/category-schemas.ts';
import { wouldCycle } from '../domain/category-tree.ts';
import { categoryAuditItem } from './audit.ts';
import type { Actor } from './change-transaction.ts';
import { categoryKeys, Entity } from './keys.ts';

const notFound = (id: string) => new NotFoundError(`Category ${id} does not exist`, 'category_not_found');

/** The item of a category, in gsi1 `CATEGORIES` (the whole tree is one Query). */
export const categoryItem = (c: Category) => ({
  ...categoryKeys.category(c.id),
  ...categoryKeys.tree(c.id),
  entity: Entity.category,
  ...c,
});

/** Categories: items under gsi1 `CATEGORIES`, each counting its children and products (guards deletion). */
export class CategoryRepository {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** Every category: one Query on gsi1 (at most MAX_CATEGORIES, well within one page). */
  async list(): Promise<Category[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': categoryKeys.treePartition },
        Limit: MAX_CATEGORIES,
      }),
    );
    return Items.map((item) => categorySchema.parse(item));
  }

  /** One category (1 GetItem), or undefined. */
  async get(id: string, consistent = false): Promise<Category | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: categoryKeys.category(id), ConsistentRead: consistent }),
    );
    return Item ? categorySchema.parse(Item) : undefined;
  }

  /** The audit record rides last in the change's transaction (no condition, so no error mapping shifts). */
  #audit(...args: Parameters<typeof categoryAuditItem>): TransactItem {
    return { Put: { TableName: this.#table, Item: categoryAuditItem(...args) } };
  }

  #childCount(parentId: string, delta: number): TransactItem {
    return {
      Update: {
        TableName: this.#table,
        Key: categoryKeys.category(parentId),
        UpdateExpression: 'ADD childCount :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': delta },
      },
    };
  }

  async #write(items: TransactItem[], onFailed: (index: number, old?: Record<string, unknown>) => Error) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const i = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (i < 0) throw new ConflictError('A concurrent change got there first; retry', 'write_conflict');
      // The document client leaves cancellation reasons in wire format.
      const old = reasons[i]?.Item;
      throw onFailed(i, old ? unmarshall(old as Record<string, AttributeValue>) : undefined);
    }
  }

  /** Creates a category under an existing parent (or as a root): 1 transaction. */
  async create(input: CreateCategoryInput, actor: Actor, now = new Date()): Promise<Category> {
    const at = now.toISOString();
    const category: Category = {
      ...input,
      productCount: 0,
      childCount: 0,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const put: TransactItem = {
      Put: {
        TableName: this.#table,
        Item: categoryItem(category),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const parent = input.parentId ? [this.#childCount(input.parentId, 1)] : [];
    const audit = this.#audit(input.id, 'category.create', Object.keys(input), 1, actor, now);
    await this.#write([put, ...parent, audit], (i) =>
      i === 0
        ? new ConflictError(`Category ${input.id} already exists`, 'category_exists')
        : new UnprocessableError(`Parent ${input.parentId} does not exist`, 'parent_not_found'),
    );
    return category;
  }

  /** Renames, reorders or moves a category: 1 Query (the tree, for the cycle check) + 1 transaction. */
  async update(id: string, input: UpdateCategoryInput, actor: Actor, now = new Date()): Promise<Category> {
    const all = await this.list();
    const current = all.find((c) => c.id === id);
    if (!current) throw notFound(id);
    if (current.version !== input.version)
      throw new ConflictError(
        `The category changed since it was read (current version ${current.version})`,
        'version_conflict',
      );
    const { version: _v, ...patch } = input;
    const next: Category = {
      ...current,
      ...patch,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const moved = next.parentId !== current.parentId;
    if (moved && wouldCycle(all, id, next.parentId))
      throw new ConflictError('A category cannot move under itself or its descendants', 'category_cycle');
    const { productCount: _p, childCount: _c, ...fields } = next;
    const names = Object.keys(fields).filter((k) => k !== 'id');
    const put: TransactItem = {
      Update: {
        TableName: this.#table,
        Key: categoryKeys.category(id),
        UpdateExpression: `SET ${names.map((_k, i) => `#n${i} = :v${i}`).join(', ')}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: Object.fromEntries(names.map((k, i) => [`#n${i}`, k])),
        ExpressionAttributeValues: {
          ':expected': current.version,
          ...Object.fromEntries(names.map((k, i) => [`:v${i}`, fields[k as keyof typeof fields]])),
        },
      },
    };
    const moves = moved
      ? [
          ...(next.parentId ? [this.#childCount(next.parentId, 1)] : []),
          ...(current.parentId ? [this.#childCount(current.parentId, -1)] : []),
        ]
      : [];
    const changed = Object.keys(patch).filter(
      (k) => JSON.stringify(patch[k as keyof typeof patch]) !== JSON.stringify(current[k as keyof Category]),
    );
    const audit = this.#audit(id, 'category.update', changed, next.version, actor, now);
    await this.#write([put, ...moves, audit], (i) =>
      i === 0
        ? new ConflictError('The category changed since it was read', 'version_conflict')
        : new UnprocessableError(`Parent ${next.parentId} does not exist`, 'parent_not_found'),
    );
    return next;
  }

  /**
   * Deletes a category that has no children and no products (409 `category_has_children` /
   * `category_has_products` otherwise: move or remove them first). 1 GetItem + 1 transaction.
   */
  async delete(id: string, version: number, actor: Actor, now = new Date()): Promise<void> {
    const current = await this.get(id, true);
    if (!current) throw notFound(id);
    const del: TransactItem = {
      Delete: {
        TableName: this.#table,
        Key: categoryKeys.category(id),
        ConditionExpression:
          'version = :v AND (attribute_not_exists(childCount) OR childCount = :zero) AND (attribute_not_exists(productCount) OR productCount = :zero)',
        ExpressionAttributeValues: { ':v': version, ':zero': 0 },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
    const parent = current.parentId ? [this.#childCount(current.parentId, -1)] : [];
    const audit = this.#audit(id, 'category.delete', [], version + 1, actor, now);
    await this.#write([del, ...parent, audit], (i, old) => {
      if (i !== 0 || !old) return notFound(id);
      if (old.version !== version)
        return new ConflictError('The category changed since it was read', 'version_conflict');
      if (Number(old.childCount ?? 0) > 0)
        return new ConflictError('The category has subcategories', 'category_has_children');
      return new ConflictError('Products are still in the category', 'category_has_products');
    });
  }
}
