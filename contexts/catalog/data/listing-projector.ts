import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { productFromItems } from './items.ts';
import { Entity, productKeys } from './keys.ts';
import { listingEntries } from './listing.ts';

type Item = Record<string, unknown>;
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

const BATCH = 25;

/** The writes that turn the stored listing entries into the wanted ones: changed puts, stale deletes. */
export const listingWrites = (stored: readonly Item[], wanted: readonly Item[]): WriteRequest[] => {
  const want = new Map(wanted.map((item) => [String(item.sk), item]));
  const have = new Map(stored.map((item) => [String(item.sk), item]));
  const same = (a: Item, b: Item | undefined) =>
    b !== undefined &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.keys(a).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
  return [
    ...[...have.values()]
      .filter((item) => !want.has(String(item.sk)))
      .map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
    ...[...want.values()]
      .filter((item) => !same(item, have.get(String(item.sk))))
      .map((Item) => ({ PutRequest: { Item } })),
  ];
};

/**
 * Rebuilds a product's listing entries from its current state: 1 Query of the item collection, then
 * BatchWriteItem for what differs. It reads the state rather than trusting the event, so events that
 * arrive twice or out of order leave the same result.
 */
export const projectListing = async (table: string, productId: string): Promise<number> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': productKeys.collection(productId).pk },
      ConsistentRead: true,
    }),
  );
  const product = productFromItems(Items);
  const stored = Items.filter((item) => item.entity === Entity.productListing);
  const writes = listingWrites(stored, product ? listingEntries(product) : []);
  for (let i = 0; i < writes.length; i += BATCH) {
    let requests = writes.slice(i, i + BATCH);
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 6) throw new Error(`Listing of ${productId}: writes keep coming back unprocessed`);
      const { UnprocessedItems } = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [table]: requests } }),
      );
      requests = (UnprocessedItems?.[table] ?? []) as WriteRequest[];
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return writes.length;
};
