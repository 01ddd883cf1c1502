import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, productKeys, productsByStatus } from '#shared/data/keys.ts';
import type { SeedProduct } from './demo-catalog.ts';

/** The table items of one product: the product item (with its listing keys) and one item per variant. */
export const productItems = (p: SeedProduct): Record<string, unknown>[] => {
  const { variants, ...product } = p;
  return [
    {
      ...productKeys.product(p.id),
      ...productsByStatus.item(p.status, p.createdAt, p.id),
      entity: Entity.product,
      ...product,
    },
    ...variants.map((v) => ({
      ...productKeys.variant(p.id, v.id),
      entity: Entity.variant,
      productId: p.id,
      ...v,
    })),
  ];
};

const BATCH = 25;

/**
 * Writes the catalog with BatchWriteItem, retrying unprocessed items. Seeding is a bulk load, not a
 * domain change, so it emits no events. Returns the number of items written.
 */
export const writeCatalog = async (
  client: DynamoDBDocumentClient,
  table: string,
  products: SeedProduct[],
) => {
  const items = products.flatMap(productItems);
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
