import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyOf } from '#platform/data/batch-get.ts';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { idleVerdict } from '../domain/idle.ts';
import type { CartRecord } from '../domain/schemas.ts';
import { CARTS_SOURCE } from '../events.ts';
import { bucketOf, cartFromItem, type IdleEntry, idleEntryFromItem } from './items.ts';
import { cartKeys, Entity } from './keys.ts';
import { CartStore } from './store.ts';
import { readCheckpoints, saveCheckpoint } from './sweep-checkpoints.ts';

type Item = Record<string, unknown>;

/** Markers one query page reads; their carts are one BatchGetItem. */
const PAGE_SIZE = 100;
/** How long a run reads before it stops and saves where it is (the function's timeout is 60 s). */
const BUDGET_MS = 40_000;
/** Tries at a cart whose report was refused (it changed meanwhile) before keeping it for the next run. */
const MAX_ATTEMPTS = 3;

/** Limits of one run: a spike's backlog is read over the next runs, from where each one stopped. */
export interface SweepOptions {
  readonly pageSize?: number;
  readonly budgetMs?: number;
}

interface Run {
  readonly table: string;
  readonly cutoff: string;
  readonly now: Date;
  readonly deadline: number;
  readonly pageSize: number;
}

type Outcome = 'reported' | 'skipped';

/**
 * Marks a cart abandoned and emits `CartAbandoned`, together, if it is still the version read, open and
 * unreported (a second sweep cannot report it again). The version stays, so a shopper's change is not
 * refused for it: the store saves it anyway and arms a new marker. The marker stays too (the sweep has
 * read past it; TTL removes it), and so do the idle keys of a cart stored before markers are removed.
 */
const report = async (table: string, cart: CartRecord, now: Date): Promise<boolean> => {
  const data = {
    cartId: cart.id,
    email: cart.email,
    customerId: cart.customerId,
    currency: cart.currency,
    lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    lastActivityAt: cart.updatedAt,
  };
  const result = await transact([
    {
      Update: {
        TableName: table,
        Key: cartKeys.cart(cart.id),
        UpdateExpression: 'SET abandonedAt = :now REMOVE armedAt, gsi2pk, gsi2sk',
        ConditionExpression: 'version = :seen AND #status = :open AND attribute_not_exists(abandonedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ':seen': cart.version, ':open': 'open' },
      },
    },
    { Put: { TableName: table, Item: outboxItem(CARTS_SOURCE, 'CartAbandoned', data, now) } },
  ]);
  return result.ok;
};

/**
 * Moves a marker to `at` (the cart's last change, later than this run's cutoff), so a later run reads
 * it again, and refreshes its TTL to the cart's. Only the marker as read (or none, for a cart stored
 * before markers): one a shopper armed since is later already and stays.
 */
const rearm = async (table: string, entry: IdleEntry, cart: CartRecord, at: string): Promise<void> => {
  const { gsi2pk, gsi2sk } = cartKeys.idle(bucketOf(cart.id), at, cart.id);
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: cartKeys.idleMarker(cart.id),
        UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk, entity = :entity, cartId = :id, expiresAt = :exp',
        ConditionExpression: 'attribute_not_exists(pk) OR gsi2sk = :seen',
        ExpressionAttributeValues: {
          ':pk': gsi2pk,
          ':sk': gsi2sk,
          ':entity': Entity.idleMarker,
          ':id': cart.id,
          ':exp': cart.expiresAt,
          ':seen': entry.sk,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

/** Decides one marker from its cart (as the batch read it), reading the cart again when a report is refused. */
const settleOne = async (run: Run, entry: IdleEntry, read: CartRecord | undefined): Promise<Outcome> => {
  let cart = read;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const verdict = idleVerdict(cart, run.cutoff);
    if (!cart || verdict === 'leave') return 'skipped';
    if (verdict === 'rearm') {
      await rearm(run.table, entry, cart, cart.updatedAt);
      return 'skipped';
    }
    if (await report(run.table, cart, run.now)) return 'reported';
    // Changed, closed or reported by another sweep since the read: decide again on the cart as it is.
    cart = await new CartStore(run.table).get(entry.cartId, run.now);
  }
  // Still contended: keep it for the next run, just after this run's cutoff.
  if (cart && idleVerdict(cart, run.cutoff) !== 'leave') await rearm(run.table, entry, cart, run.cutoff);
  return 'skipped';
};

/** Decides a page of markers: their carts in one BatchGetItem (a cart past its TTL counts as gone). */
const settle = async (run: Run, entries: readonly IdleEntry[]): Promise<Outcome[]> => {
  const found = await batchGet(
    run.table,
    entries.map((e) => cartKeys.cart(e.cartId)),
  );
  return Promise.all(
    entries.map((entry) => {
      const item = found.get(keyOf(cartKeys.cart(entry.cartId)));
      const cart = item ? cartFromItem(item) : undefined;
      const live = cart && cart.expiresAt * 1000 > run.now.getTime() ? cart : undefined;
      return settleOne(run, entry, live);
    }),
  );
};

/** One page of a bucket's markers between where the last run stopped and the cutoff, oldest first. */
const pageOf = (run: Run, bucket: number, from: string | undefined, start: Item | undefined) =>
  documentClient().send(
    new QueryCommand({
      TableName: run.table,
      IndexName: 'gsi2',
      KeyConditionExpression:
        from === undefined
          ? 'gsi2pk = :pk AND gsi2sk < :cutoff'
          : 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :cutoff',
      ExpressionAttributeValues: {
        ':pk': cartKeys.idlePartition(bucket),
        ':cutoff': run.cutoff,
        ...(from === undefined ? {} : { ':from': from }),
      },
      Limit: run.pageSize,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );

/** Reads one bucket on from its checkpoint until the cutoff or the run's budget, then saves where it is. */
const sweepBucket = async (run: Run, bucket: number, from: string | undefined) => {
  const tally = { reported: 0, skipped: 0 };
  if (from !== undefined && from >= run.cutoff) return tally;
  let start: Item | undefined;
  let last = from;
  let decided = 0;
  do {
    const page = await pageOf(run, bucket, from, start);
    const items = page.Items ?? [];
    // BETWEEN includes its lower bound: the entry the last run stopped after is not decided twice.
    const entries = items.map(idleEntryFromItem).filter((e) => e.sk !== from);
    for (const outcome of await settle(run, entries)) tally[outcome] += 1;
    decided = entries.length;
    last = items.length > 0 ? String(items.at(-1)?.gsi2sk) : last;
    start = page.LastEvaluatedKey;
    // Past the budget it stops, but only after a page that got somewhere (not only the entry it started at).
  } while (start && (Date.now() < run.deadline || decided === 0));
  const through = start ? last : run.cutoff;
  if (through !== undefined) await saveCheckpoint(run.table, bucket, through, run.now);
  return tally;
};

/**
 * The abandoned-cart sweep: every open cart with an e-mail and no change for `idleMinutes` is reported
 * once per idle spell (any change re-arms it). Reads each bucket of the idle index (gsi2) in parallel,
 * from where the last run stopped to the cutoff; `skipped` counts markers read and not reported.
 */
export const reportAbandoned = async (
  table: string,
  idleMinutes: number,
  now = new Date(),
  options: SweepOptions = {},
): Promise<{ reported: number; skipped: number }> => {
  const run: Run = {
    table,
    cutoff: new Date(now.getTime() - idleMinutes * 60_000).toISOString(),
    now,
    deadline: Date.now() + (options.budgetMs ?? BUDGET_MS),
    pageSize: options.pageSize ?? PAGE_SIZE,
  };
  const checkpoints = await readCheckpoints(table);
  // Every bucket finishes (and saves its checkpoint) even when another fails; then the failure is raised.
  const settled = await Promise.allSettled(checkpoints.map((from, b) => sweepBucket(run, b, from)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const tallies = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  return {
    reported: tallies.reduce((n, t) => n + t.reported, 0),
    skipped: tallies.reduce((n, t) => n + t.skipped, 0),
  };
};
