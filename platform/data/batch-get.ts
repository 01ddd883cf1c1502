import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { backoff } from './transact.ts';

type Key = { readonly pk: string; readonly sk: string };
type Item = Record<string, unknown>;

/** DynamoDB's limit on the keys of one BatchGetItem. */
const MAX_BATCH_KEYS = 100;
const MAX_ATTEMPTS = 8;

/** The lookup key of an item in a batch answer. */
export const keyOf = (key: Key): string => `${key.pk}\u0000${key.sk}`;

/**
 * Reads items by key with BatchGetItem: duplicates dropped, chunks of 100 sent in parallel (one round
 * trip for up to 100 keys), unprocessed keys retried with backoff. Answers a map from `keyOf(key)` to the
 * item; a missing item has no entry. Eventually consistent unless `consistent`.
 */
export const batchGet = async (
  table: string,
  keys: readonly Key[],
  consistent = false,
): Promise<Map<string, Item>> => {
  const unique = [...new Map(keys.map((k) => [keyOf(k), { pk: k.pk, sk: k.sk }])).values()];
  const found = new Map<string, Item>();
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += MAX_BATCH_KEYS) chunks.push(unique.slice(i, i + MAX_BATCH_KEYS));
  await Promise.all(chunks.map((chunk) => readChunk(table, chunk, consistent, found)));
  return found;
};

const readChunk = async (table: string, chunk: Key[], consistent: boolean, found: Map<string, Item>) => {
  let pending: Key[] = chunk;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    if (attempt > 0) await backoff(attempt - 1);
    const out = await documentClient().send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }),
    );
    for (const item of out.Responses?.[table] ?? []) found.set(keyOf(item as Key), item);
    pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
  }
};
