import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { AppError, ConflictError } from '#platform/errors/index.ts';
import {
  type CheckedRow,
  checkRows,
  type FeedRowReport,
  feedHash,
  type StockFeedInput,
  type StockFeedReport,
} from '../domain/feed.ts';
import type { VariantStock } from '../domain/schemas.ts';
import type { StockAdmin } from './admin-stock.ts';
import type { StockActor } from './items.ts';
import { Entity, stockSyncKeys } from './keys.ts';
import type { LocationRepository } from './location-repository.ts';

/** Variants applied at once: enough to finish 1,000 rows well inside the function's 30 s. */
const CONCURRENCY = 8;
const KEEP_SECONDS = 7 * 24 * 3600;

interface SyncRecord {
  readonly hash: string;
  readonly state: 'running' | 'done';
  readonly report?: StockFeedReport;
}

/**
 * The bulk stock feed of external systems (ERP, warehouse, marketplace): up to 1,000 rows of absolute
 * counts or changes, each row applied through the same stock writes as the single-variant routes (so
 * the ledger, shards and events stay as they are), with a report per row. A `syncId` makes the run
 * idempotent: sent again with the same rows it answers the stored report; a run that crashed half way
 * is finished by sending it again (counts are absolute, and each applied change left a marker).
 */
export class StockFeed {
  readonly #table: string;
  readonly #admin: StockAdmin;
  readonly #locations: LocationRepository;

  constructor(table: string, admin: StockAdmin, locations: LocationRepository) {
    this.#table = table;
    this.#admin = admin;
    this.#locations = locations;
  }

  async apply(input: StockFeedInput, actor: StockActor, now = new Date()): Promise<StockFeedReport> {
    const hash = feedHash(input);
    const previous = await this.#record(input.syncId);
    if (previous && previous.hash !== hash)
      throw new ConflictError(
        `Sync ${input.syncId} was sent before with other rows; use a new syncId`,
        'sync_id_reused',
      );
    if (previous?.state === 'done' && previous.report) return { ...previous.report, replayed: true };
    if (!previous) await this.#start(input.syncId, hash, now);

    const { valid, failed } = checkRows(input.rows);
    const known = new Set((await this.#locations.list()).map((l) => l.id));
    const rows: FeedRowReport[] = [...failed];
    const ready: CheckedRow[] = [];
    for (const row of valid) {
      if (known.has(row.locationId)) ready.push(row);
      else rows.push(failure(row, 'location_not_found', `Unknown location ${row.locationId}`));
    }
    const byVariant = Map.groupBy(ready, (row) => row.variantId);
    const work = [...byVariant.entries()];
    const worker = async () => {
      for (let next = work.shift(); next; next = work.shift())
        rows.push(...(await this.#applyVariant(input, next[0], next[1], actor, now)));
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, work.length) }, worker));

    rows.sort((a, b) => a.index - b.index);
    const applied = rows.filter((r) => r.status === 'applied').length;
    const report: StockFeedReport = {
      syncId: input.syncId,
      replayed: false,
      applied,
      failed: rows.length - applied,
      rows,
    };
    await this.#finish(input.syncId, report);
    return report;
  }

  /** One variant's rows, one after the other (they touch the same shards): counts, then changes. */
  async #applyVariant(
    input: StockFeedInput,
    variantId: string,
    rows: readonly CheckedRow[],
    actor: StockActor,
    now: Date,
  ): Promise<FeedRowReport[]> {
    const reports: FeedRowReport[] = [];
    // One write per row, so a refused location (on-hand below what is reserved) fails that row alone.
    for (const row of rows.filter((r) => r.set !== undefined)) {
      try {
        const levels = [{ locationId: row.locationId, onHand: row.set as number }];
        reports.push(
          applied(row, await this.#admin.put(variantId, { levels, reason: input.reason }, actor, now)),
        );
      } catch (error) {
        reports.push(failureOf(row, error));
      }
    }
    for (const row of rows.filter((r) => r.adjust !== undefined)) {
      const delta = row.adjust as number;
      try {
        const stock = await this.#admin.adjust(
          variantId,
          {
            locationId: row.locationId,
            type: 'correction',
            quantity: Math.abs(delta),
            direction: delta > 0 ? 'increase' : 'decrease',
            reason: input.reason,
          },
          actor,
          now,
          this.#marker(input.syncId, row.index, now),
        );
        reports.push(applied(row, stock));
      } catch (error) {
        // Applied by an earlier try of this very feed run: the row is done.
        if (error instanceof AppError && error.code === 'row_already_applied')
          reports.push({ index: row.index, variantId, locationId: row.locationId, status: 'applied' });
        else reports.push(failureOf(row, error));
      }
    }
    return reports;
  }

  #marker(syncId: string, index: number, now: Date): TransactItem {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          ...stockSyncKeys.row(syncId, index),
          entity: Entity.stockSyncRow,
          expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async #record(syncId: string): Promise<SyncRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: stockSyncKeys.sync(syncId), ConsistentRead: true }),
    );
    return Item as SyncRecord | undefined;
  }

  async #start(syncId: string, hash: string, now: Date): Promise<void> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...stockSyncKeys.sync(syncId),
            entity: Entity.stockSync,
            hash,
            state: 'running',
            startedAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // Another call of the same run started at the same moment: both apply idempotently.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async #finish(syncId: string, report: StockFeedReport): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: this.#table,
        Key: stockSyncKeys.sync(syncId),
        UpdateExpression: 'SET #state = :done, report = :report',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':report': report },
      }),
    );
  }
}

const onHandAt = (stock: VariantStock, locationId: string): number | undefined =>
  stock.levels.find((l) => l.locationId === locationId)?.onHand;

const applied = (row: CheckedRow, stock: VariantStock): FeedRowReport => {
  const onHand = onHandAt(stock, row.locationId);
  return {
    index: row.index,
    variantId: row.variantId,
    locationId: row.locationId,
    status: 'applied',
    ...(onHand !== undefined ? { onHand } : {}),
  };
};

const failure = (row: CheckedRow, code: string, detail: string): FeedRowReport => ({
  index: row.index,
  variantId: row.variantId,
  locationId: row.locationId,
  status: 'failed',
  code,
  detail,
});

/** A refused row says why with the code the single-variant routes use; anything else is a fault. */
const failureOf = (row: CheckedRow, error: unknown): FeedRowReport => {
  if (error instanceof AppError) return failure(row, error.code, error.message);
  throw error;
};
