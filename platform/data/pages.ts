import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { decodeCursor, encodeCursor, type PageKey } from './cursor.ts';

type Item = Record<string, unknown>;

/** Which page of a listing a client asked for; the cursor is signed and bound to `scope`. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly cursorSecret: string;
  /** The listing the cursor belongs to (e.g. `webhooks`, `price-list-prices#<id>`): no replay elsewhere. */
  readonly scope: string;
}

/**
 * One page of a Query for an admin or store listing: `Limit` items from where the client's cursor left
 * off, and a signed cursor to the next page (null on the last).
 */
export const queryPage = async (
  query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
): Promise<{ items: Item[]; nextCursor: string | null }> => {
  const { Items = [], LastEvaluatedKey } = await documentClient().send(
    new QueryCommand({
      ...query,
      Limit: page.limit,
      ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, page.cursorSecret, page.scope) : undefined,
    }),
  );
  return {
    items: Items,
    nextCursor: LastEvaluatedKey
      ? encodeCursor(LastEvaluatedKey as PageKey, page.cursorSecret, page.scope)
      : null,
  };
};

/** Every item a Query finds, page after page (a further page only past 1 MB for small partitions). */
export const queryAll = async (query: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> => {
  const found: Item[] = [];
  let start: Item | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({ ...query, ExclusiveStartKey: start }),
    );
    found.push(...Items);
    start = LastEvaluatedKey;
  } while (start);
  return found;
};
