import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { OrderSummary } from '../domain/schemas.ts';
import { listRowOf } from './items.ts';
import type { SummaryFilter } from './list-filter.ts';

/** One index partition of order summaries, sorted by `<createdAt>#<orderId>`, and what to keep of it. */
export interface OrderPartition {
  readonly index: 'gsi1' | 'gsi2';
  readonly partition: string;
  /** Applied after the read: the Query still reads (and pays for) the summaries it drops. */
  readonly filter?: SummaryFilter;
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

/**
 * One Query of a partition, newest first, `limit + 1` items evaluated (BETWEEN may return the upper
 * bound); with a filter it answers those that pass, and `stoppedAt` still says how far it read.
 */
const queryPartition = async (
  table: string,
  source: OrderPartition,
  range: SortRange,
  limit: number,
): Promise<PartitionPage> => {
  const sk = `${source.index}sk`;
  const condition = keyCondition(range);
  const { filter } = source;
  const { Items = [], LastEvaluatedKey } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: source.index,
      KeyConditionExpression: `#pk = :pk${condition.expression}`,
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ExpressionAttributeNames: {
        '#pk': `${source.index}pk`,
        ...(condition.expression ? { '#sk': sk } : {}),
        ...filter?.names,
      },
      ExpressionAttributeValues: {
        ':pk': source.partition,
        ...condition.values,
        ...filter?.values,
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

interface Page {
  readonly rows: OrderSummary[];
  /** Where the next page starts (exclusive); undefined at the end. */
  readonly after: string | undefined;
}

/**
 * One round: each partition read once (all Queries in parallel, `read + 1` items each), merged by sort
 * key. Every item at or above the highest point where a Query stopped has been read from every
 * partition, so at most `take` of those are answered; `after` is where the next round starts.
 */
const round = async (
  table: string,
  sources: readonly OrderPartition[],
  range: SortRange,
  read: number,
  take: number,
): Promise<Page> => {
  const pages = await Promise.all(sources.map((s) => queryPartition(table, s, range, read)));
  const stops = pages.flatMap((p) => (p.stoppedAt === undefined ? [] : [p.stoppedAt]));
  // The highest stop: strings, so Math.max does not apply.
  const frontier = stops.sort().at(-1);
  const complete = pages
    .flatMap((p) => p.items)
    .filter((item) => frontier === undefined || item.sk >= frontier)
    .sort((a, b) => (a.sk < b.sk ? 1 : -1));
  const page = complete.slice(0, take);
  const after = complete.length > take ? page.at(-1)?.sk : frontier;
  return { rows: page.map((item) => item.row), after };
};

/**
 * How many rounds a page reads at most. Unfiltered, one round fills a page (the partition that stopped
 * highest gave `limit` items above its stop); a filter drops what it reads, so a page reads on from where
 * the round stopped. Bounded, so a rare match cannot make one request read a whole index: such a page is
 * short, even empty, with a cursor to go on.
 */
export const MAX_ROUNDS = 4;

/**
 * One page of order summaries, newest first, across partitions: rounds of Queries (`round`) until
 * `limit` rows, the end of the range, or `MAX_ROUNDS`. `after` (exclusive) is where the next page starts,
 * undefined at the end: no gaps, no repeats, whatever the filters dropped.
 */
export const orderPage = async (
  table: string,
  sources: readonly OrderPartition[],
  range: SortRange,
  limit: number,
): Promise<Page> => {
  const rows: OrderSummary[] = [];
  let window = range;
  for (let rounds = 1; ; rounds++) {
    const page = await round(table, sources, window, limit, limit - rows.length);
    rows.push(...page.rows);
    if (page.after === undefined || rows.length >= limit || rounds >= MAX_ROUNDS)
      return { rows, after: page.after };
    window = { ...range, upper: page.after };
  }
};
