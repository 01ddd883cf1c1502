import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { variantById } from '#contexts/catalog/data/keys.ts';
import { batchGet, keyOf } from '#platform/data/batch-get.ts';
import { documentClient } from '#platform/data/client.ts';
import { queryPage } from '#platform/data/pages.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import type {
  PriceRowPage,
  PriceRowResult,
  SetPricesInput,
  SetPricesReport,
} from '../domain/price-list-inputs.ts';
import type { PriceListPrice } from '../domain/price-list-schemas.ts';
import { Entity, priceListKeys, variantPriceKeys } from './keys.ts';
import { priceListNotFound } from './price-list-errors.ts';
import { priceFromRowItem, priceRowItem } from './price-list-items.ts';

type Row = { op: 'upsert'; price: PriceListPrice } | { op: 'remove'; price: Omit<PriceListPrice, 'amount'> };

/** Items per transaction besides the list's existence check (DynamoDB allows 100). */
const ITEMS_PER_TRANSACTION = 99;
const ATTEMPTS = 4;

const rowItem = (table: string, listId: string, row: Row): TransactItem =>
  row.op === 'upsert'
    ? { Put: { TableName: table, Item: priceRowItem(listId, row.price) } }
    : {
        Delete: { TableName: table, Key: priceListKeys.row(listId, row.price.variantId, row.price.currency) },
      };

/**
 * One update of a variant's offers item for all of its rows in a transaction (a transaction may touch
 * an item once). Only rows that exist are removed, so the item exists too: REMOVE never creates a bare one.
 */
const variantUpdate = (
  table: string,
  listId: string,
  variantId: string,
  rows: readonly Row[],
): TransactItem => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  rows.forEach((row, i) => {
    names[`#o${i}`] = variantPriceKeys.attribute(listId, row.price.currency);
    if (row.op === 'upsert') {
      values[`:a${i}`] = row.price.amount;
      sets.push(`#o${i} = :a${i}`);
    } else removes.push(`#o${i}`);
  });
  if (sets.length > 0) {
    values[':entity'] = Entity.variantPrices;
    values[':variantId'] = variantId;
    sets.push('entity = :entity', 'variantId = :variantId');
  }
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      TableName: table,
      Key: variantPriceKeys.offers(variantId),
      UpdateExpression: expression,
      ExpressionAttributeNames: names,
      ...(sets.length ? { ExpressionAttributeValues: values } : {}),
    },
  };
};

/** Splits rows into transactions: one item per row plus one per distinct variant, at most 99 together. */
const chunksOf = (rows: readonly Row[]): Row[][] => {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  let variants = new Set<string>();
  for (const row of rows) {
    const cost = 1 + (variants.has(row.price.variantId) ? 0 : 1);
    if (current.length + variants.size + cost > ITEMS_PER_TRANSACTION) {
      chunks.push(current);
      current = [];
      variants = new Set();
    }
    current.push(row);
    variants.add(row.price.variantId);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

const transactionOf = (table: string, listId: string, chunk: readonly Row[]): TransactItem[] => {
  const byVariant = Map.groupBy(chunk, (r) => r.price.variantId);
  return [
    {
      ConditionCheck: {
        TableName: table,
        Key: priceListKeys.priceList(listId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    ...chunk.map((r) => rowItem(table, listId, r)),
    ...[...byVariant].map(([variantId, rows]) => variantUpdate(table, listId, variantId, rows)),
  ];
};

/**
 * Writes rows in transactions, each guarded by the list's existence (404 when a concurrent delete won);
 * a transaction that lost a race with another writer is retried with backoff (its writes are absolute,
 * so retrying is safe).
 */
const writeRows = async (table: string, listId: string, rows: readonly Row[]): Promise<void> => {
  for (const chunk of chunksOf(rows)) {
    const items = transactionOf(table, listId, chunk);
    for (let attempt = 0; ; attempt++) {
      const result = await transact(items);
      if (result.ok) break;
      if (result.conditionFailed[0]) throw priceListNotFound(listId);
      if (!result.conflict || attempt + 1 >= ATTEMPTS)
        throw new ConflictError('A concurrent change got there first; retry', 'write_conflict');
      await backoff(attempt);
    }
  }
};

/** Whether each variant exists (1 Query per distinct variant on gsi1 "variant by id", 10 at a time). */
const existingVariants = async (table: string, variantIds: readonly string[]): Promise<Set<string>> => {
  const found = new Set<string>();
  const ids = [...new Set(variantIds)];
  for (let i = 0; i < ids.length; i += 10) {
    await Promise.all(
      ids.slice(i, i + 10).map(async (id) => {
        const { Count = 0 } = await documentClient().send(
          new QueryCommand({
            TableName: table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
            ExpressionAttributeValues: { ':pk': variantById(id).gsi1pk, ':sk': variantById(id).gsi1sk },
            Select: 'COUNT',
            Limit: 1,
          }),
        );
        if (Count > 0) found.add(id);
      }),
    );
  }
  return found;
};

/**
 * Applies a prices request to a list that exists, row by row: an upsert of an unknown variant
 * (`variant_not_found`), a removal of a price the list does not have (`not_found`) and a second row for
 * the same variant and currency (`duplicate_row`) are skipped and reported; the rest are written.
 * Requests: 1 Query per distinct upserted variant, 1 BatchGetItem for the removals, 1 transaction per
 * ~49 rows written.
 */
export const setPrices = async (
  table: string,
  listId: string,
  input: SetPricesInput,
): Promise<SetPricesReport> => {
  const rows: Row[] = [
    ...input.upsert.map((price) => ({ op: 'upsert' as const, price })),
    ...input.remove.map((price) => ({ op: 'remove' as const, price })),
  ];
  const [variants, existingRows] = await Promise.all([
    existingVariants(
      table,
      input.upsert.map((p) => p.variantId),
    ),
    input.remove.length === 0
      ? Promise.resolve(new Map<string, Record<string, unknown>>())
      : batchGet(
          table,
          input.remove.map((p) => priceListKeys.row(listId, p.variantId, p.currency)),
          true,
        ),
  ]);
  const seen = new Set<string>();
  const results: PriceRowResult[] = [];
  const toWrite: Row[] = [];
  for (const row of rows) {
    const { variantId, currency } = row.price;
    const key = `${variantId}#${currency}`;
    let status: PriceRowResult['status'] = 'ok';
    if (seen.has(key)) status = 'duplicate_row';
    else if (row.op === 'upsert' && !variants.has(variantId)) status = 'variant_not_found';
    else if (row.op === 'remove' && !existingRows.has(keyOf(priceListKeys.row(listId, variantId, currency))))
      status = 'not_found';
    seen.add(key);
    results.push({ op: row.op, variantId, currency, status });
    if (status === 'ok') toWrite.push(row);
  }
  await writeRows(table, listId, toWrite);
  return { results, applied: toWrite.length, skipped: rows.length - toWrite.length };
};

const rowQuery = (table: string, listId: string) => ({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': priceListKeys.partition(listId), ':prefix': priceListKeys.rowPrefix },
});

/** One page of a list's prices, by variant then currency (1 Query); the cursor is signed. */
export const listPrices = async (
  table: string,
  cursorSecret: string,
  listId: string,
  limit: number,
  cursor?: string,
): Promise<PriceRowPage> => {
  const page = await queryPage(rowQuery(table, listId), {
    limit,
    cursor,
    cursorSecret,
    scope: `price-list-prices#${listId}`,
  });
  return { items: page.items.map(priceFromRowItem), nextCursor: page.nextCursor };
};

/** Removes every price of a list, rows and variants' copies (1 Query per 200 rows + their transactions). */
export const removeAllPrices = async (table: string, listId: string): Promise<void> => {
  for (;;) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({ ...rowQuery(table, listId), Limit: 200 }),
    );
    if (Items.length === 0) return;
    await writeRows(
      table,
      listId,
      Items.map((item) => ({ op: 'remove' as const, price: priceFromRowItem(item) })),
    );
  }
};
