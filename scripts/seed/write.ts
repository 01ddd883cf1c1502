import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { categoryItem } from '#contexts/catalog/data/category-repository.ts';
import { productItems } from '#contexts/catalog/data/items.ts';
import { Entity, uniqueKeys } from '#contexts/catalog/data/keys.ts';
import { listingEntries } from '#contexts/catalog/data/listing.ts';
import type { Category } from '#contexts/catalog/domain/category-schemas.ts';
import type { SeedProduct } from './demo-catalog.ts';

type Item = Record<string, unknown>;

/**
 * The table items of one product, as the admin API and the listing projection would leave them: the
 * product item, its variants, its slug and SKU uniqueness items and its listing entries.
 */
export const seedProductItems = (p: SeedProduct): Item[] => [
  ...productItems(p),
  { ...uniqueKeys.slug(p.slug), entity: Entity.uniqueValue, productId: p.id },
  ...p.variants.map((v) => ({ ...uniqueKeys.sku(v.sku), entity: Entity.uniqueValue, productId: p.id })),
  ...listingEntries(p),
];

const BATCH = 25;

/**
 * Writes the catalog with BatchWriteItem, retrying unprocessed items. Seeding is a bulk load, not a
 * domain change, so it emits no events (and so writes the listing entries itself). Returns the number
 * of items written.
 */
export const writeCatalog = async (
  client: DynamoDBDocumentClient,
  table: string,
  products: readonly SeedProduct[],
  categories: readonly Category[] = [],
) => {
  const items = [...categories.map(categoryItem), ...products.flatMap(seedProductItems)];
  for (let i = 0; i < items.length; i += BATCH) {
    let requests = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('Seeding gave up: the table keeps throttling');
      const { UnprocessedItems } = await client.send(
        new BatchWriteCommand({ RequestItems: { [table]: requests } }),
      );
      requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return items.length;
};
