import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { OrderStatus, OrderSummary } from '../domain/schemas.ts';
import { listRowOf } from './items.ts';

/** One index partition of order summaries, sorted by `<createdAt>#<orderId>`. */
export interface OrderPartition {
  readonly index: 'gsi1' | 'gsi2';
  readonly partition: string;
}

/** A sort-key window: `lower` inclusive, `upper` exclusive (a time bound, or the previous page's end). */
export interface SortRange {
  readonly lower?: string;
  readonly upper?: string;
}

interface PartitionPage {
  readonly items: readonly { sk: string; row: OrderSummary }[];
  /** The sort key of the last item the Query evaluated when it stopped at its limit. */
  readonly stoppedAt?: string;
}

/** The key condition for a window; an exclusive upper bound with a lower one is BETWEEN, filtered after. */
const keyCondition = (range: SortRange): { expression: string; values: Record<string, string> } => {
  const { lower, upper } = range;
  if (lower && upper)
    return { expression: ' AND #sk BETWEEN :lower AND :upper', values: { ':lower': lower, ':upper': upper } };
  if (upper) return { expression: ' AND #sk < :upper', values: { ':upper': upper } };
  if (lower) return { expression: ' AND #sk >= :lower', values: { ':lower': lower } };
  return { expression: '', values: {} };
};

/** One Query of a partition, newest first, `limit + 1` items (BETWEEN may return the upper bound). */
const queryPartition = async (
  table: string,
  source: OrderPartition,
  range: SortRange,
  limit: number,
  status: OrderStatus | undefined,
): Promise<PartitionPage> => {
  const sk = `${source.index}sk`;
  const condition = keyCondition(range);
  const { Items = [], LastEvaluatedKey } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: source.index,
      KeyConditionExpression: `#pk = :pk${condition.expression}`,
      // Only with gsi1 (one customer's orders): the status is a filter over that one small partition.
      ...(status ? { FilterExpression: '#status = :status' } : {}),
      ExpressionAttributeNames: {
        '#pk': `${source.index}pk`,
        ...(condition.expression ? { '#sk': sk } : {}),
        ...(status ? { '#status': 'status' } : {}),
      },
      ExpressionAttributeValues: {
        ':pk': source.partition,
        ...condition.values,
        ...(status ? { ':status': status } : {}),
      },
      ScanIndexForward: false,
      Limit: limit + 1,
    }),
  );
  return {
    items: Items.filter((item) => item[sk] !== range.upper).map((item) => ({
      sk: String(item[sk]),
      row: listRowOf(item),
    })),
    ...(LastEvaluatedKey ? { stoppedAt: String(LastEvaluatedKey[sk]) } : {}),
  };
};

/**
 * One page of order summaries, newest first, across partitions (all Queries in parallel, merged by sort key).
 * Every item at or above the highest point where a Query stopped has been read from every partition,
 * so the page is cut there; `after` (exclusive) is where the next page starts, undefined at the end.
 */
export const orderPage = async (
  table: string,
  sources: readonly OrderPartition[],
  range: SortRange,
  limit: number,
  status?: OrderStatus,
): Promise<{ rows: OrderSummary[]; after: string | undefined }> => {
  const pages = await Promise.all(sources.map((s) => queryPartition(table, s, range, limit, status)));
  const stops = pages.flatMap((p) => (p.stoppedAt === undefined ? [] : [p.stoppedAt]));
  // The highest stop: strings, so Math.max does not apply.
  const frontier = stops.sort().at(-1);
  const complete = pages
    .flatMap((p) => p.items)
    .filter((item) => frontier === undefined || item.sk >= frontier)
    .sort((a, b) => (a.sk < b.sk ? 1 : -1));
  const page = complete.slice(0, limit);
  const after = complete.length > limit ? page.at(-1)?.sk : frontier;
  return { rows: page.map((item) => item.row), after };
};
