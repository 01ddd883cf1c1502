import { randomUUID } from 'node:crypto';
import type { TransactItem } from '#platform/data/transact.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { outboxBatch } from '#platform/events/outbox.ts';
import type { ProductChange } from '../domain/product-rules.ts';
import type { Product } from '../domain/schemas.ts';
import { CATALOG_SOURCE } from '../events.ts';
import { productItem, variantItem } from './items.ts';
import { auditKeys, categoryKeys, Entity, productKeys, uniqueKeys } from './keys.ts';

/** Who made a change, from the verified token's claims. */
export interface Actor {
  readonly sub: string;
  readonly email?: string;
}

/** What a write's condition protects, so a cancelled transaction maps to the right typed error. */
export type ConditionTag = 'version' | 'new' | 'slug' | `sku:${string}` | `category:${string}` | 'none';

/** A change as one TransactWriteItems: the items, and the tag of each item's condition (same order). */
export interface ChangeTransaction {
  readonly items: TransactItem[];
  readonly tags: ConditionTag[];
}

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACT_ITEMS = 100;

const skus = (p: Product | undefined) => new Set(p?.variants.map((v) => v.sku) ?? []);
const minus = <T>(a: Iterable<T>, b: Set<T>) => [...a].filter((x) => !b.has(x));

/** The audit record of a change: who (token subject and email), what (action and fields), when. */
export const auditItem = (change: ProductChange, actor: Actor, now: Date) => {
  const product = (change.after ?? change.before)!;
  const at = now.toISOString();
  return {
    ...auditKeys.product(product.id, at, randomUUID()),
    entity: Entity.audit,
    productId: product.id,
    at,
    actor,
    action: change.action,
    changes: change.changes,
    version: change.after?.version ?? product.version + 1,
  };
};

/**
 * The transaction of a product change. The product item is conditional on the version the change was
 * computed from (or on not existing yet), uniqueness items on not existing, category counters on the
 * category existing; audit and outbox items ride along, so the change, its audit and its events
 * commit together or not at all.
 */
export const changeTransaction = (
  table: string,
  change: ProductChange,
  actor: Actor,
  now: Date,
): ChangeTransaction => {
  const { before, after } = change;
  const items: TransactItem[] = [];
  const tags: ConditionTag[] = [];
  const add = (item: TransactItem, tag: ConditionTag = 'none') => {
    items.push(item);
    tags.push(tag);
  };
  const id = (after ?? before)!.id;
  const versionIs = {
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': before?.version },
  };

  if (!before)
    add(
      {
        Put: { TableName: table, Item: productItem(after!), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      'new',
    );
  else if (after) add({ Put: { TableName: table, Item: productItem(after), ...versionIs } }, 'version');
  else add({ Delete: { TableName: table, Key: productKeys.product(id), ...versionIs } }, 'version');

  const old = new Map(before?.variants.map((v) => [v.id, variantItem(before, v)]));
  for (const v of after?.variants ?? []) {
    const item = variantItem(after!, v);
    if (JSON.stringify(old.get(v.id)) !== JSON.stringify(item))
      add({ Put: { TableName: table, Item: item } });
  }
  const kept = new Set(after?.variants.map((v) => v.id));
  for (const v of before?.variants ?? [])
    if (!kept.has(v.id)) add({ Delete: { TableName: table, Key: productKeys.variant(id, v.id) } });

  const unique = { entity: Entity.uniqueValue, productId: id };
  const isNew = { ConditionExpression: 'attribute_not_exists(pk)' };
  if (before?.slug !== after?.slug) {
    if (after)
      add(
        { Put: { TableName: table, Item: { ...uniqueKeys.slug(after.slug), ...unique }, ...isNew } },
        'slug',
      );
    if (before) add({ Delete: { TableName: table, Key: uniqueKeys.slug(before.slug) } });
  }
  for (const sku of minus(skus(after), skus(before)))
    add({ Put: { TableName: table, Item: { ...uniqueKeys.sku(sku), ...unique }, ...isNew } }, `sku:${sku}`);
  for (const sku of minus(skus(before), skus(after)))
    add({ Delete: { TableName: table, Key: uniqueKeys.sku(sku) } });

  const beforeCats = new Set(before?.categoryIds ?? []);
  const afterCats = new Set(after?.categoryIds ?? []);
  const count = (categoryId: string, delta: number) =>
    add(
      {
        Update: {
          TableName: table,
          Key: categoryKeys.category(categoryId),
          UpdateExpression: 'ADD productCount :delta',
          // A product may only sit in a category that exists; the counter guards category deletion.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':delta': delta },
        },
      },
      `category:${categoryId}`,
    );
  for (const c of minus(afterCats, beforeCats)) count(c, 1);
  for (const c of minus(beforeCats, afterCats)) count(c, -1);

  add({ Put: { TableName: table, Item: auditItem(change, actor, now) } });
  const events = change.events.map((e) => ({ ...e, source: CATALOG_SOURCE }));
  for (const Item of outboxBatch(events, now)) add({ Put: { TableName: table, Item } });

  if (items.length > MAX_TRANSACT_ITEMS)
    throw new UnprocessableError(
      'The change touches too many items for one transaction; split it',
      'change_too_large',
    );
  return { items, tags };
};
