import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type AlertState, alertTransition } from '../domain/stock.ts';
import { INVENTORY_SOURCE } from '../events.ts';
import { Entity, stockKeys } from './keys.ts';
import { StockReader } from './stock-reader.ts';

/** Attempts before a check gives up (and the pipe retries the batch). */
const MAX_ATTEMPTS = 10;

/** The outcome of one check: the total read and the alerts this check emitted (usually none). */
export interface AlertCheck {
  readonly variantId: string;
  readonly available: number;
  readonly threshold: number;
  readonly alerts: ReadonlyArray<'LowStock' | 'OutOfStock'>;
}

/** What shard 0's partition holds besides levels: settings and the monitor's state (with its version). */
interface Snapshot {
  readonly shards: number;
  readonly threshold: number;
  readonly state: AlertState;
  readonly version: number | undefined;
  readonly available: number;
}

/**
 * Decides LowStock/OutOfStock from a variant's total available stock (every location and shard), the
 * single source of both alerts. Each check re-reads the current total, so a retried or repeated check
 * finds no new crossing; the state item is written on every check, conditional on the version read, so
 * two concurrent checks cannot both emit one crossing, and the one that loses re-reads the newer total.
 */
export class StockAlertMonitor {
  readonly #table: string;
  readonly #levels: StockReader;

  constructor(table: string) {
    this.#table = table;
    this.#levels = new StockReader(table, { cacheMs: 0 });
  }

  /** Checks one variant and emits its due alerts once (undefined when its stock is not tracked). */
  async check(variantId: string, now = new Date()): Promise<AlertCheck | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const snapshot = await this.#read(variantId);
      if (!snapshot) return undefined;
      const { next, alerts } = alertTransition(snapshot.state, snapshot.available, snapshot.threshold);
      const items: TransactItem[] = [this.#saveState(variantId, snapshot, next, now)];
      for (const alert of alerts) {
        const data =
          alert === 'LowStock'
            ? { variantId, available: snapshot.available, threshold: snapshot.threshold }
            : { variantId };
        items.push({ Put: { TableName: this.#table, Item: outboxItem(INVENTORY_SOURCE, alert, data, now) } });
      }
      if ((await transact(items)).ok)
        return { variantId, available: snapshot.available, threshold: snapshot.threshold, alerts };
      // Another check moved the state (or held it): re-read the total and decide again.
      await backoff(attempt);
    }
    throw new Error(`Stock alerts for ${variantId}: state kept changing`);
  }

  /** Shard 0's partition in one consistent Query (settings, state, levels), then the other shards. */
  async #read(variantId: string): Promise<Snapshot | undefined> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': stockKeys.shardPartition(variantId, 0) },
        ConsistentRead: true,
      }),
    );
    const settings = Items.find((i) => i.entity === Entity.stockSettings);
    if (!settings) return undefined;
    const saved = Items.find((i) => i.entity === Entity.stockAlerts);
    const shards = settings.shards as number;
    // Shards past the count are drained to zero by a reshard, so they add nothing.
    const others = await Promise.all(
      Array.from({ length: shards - 1 }, (_, k) => this.#levels.shard(variantId, k + 1, true)),
    );
    const levels = [...Items.filter((i) => i.entity === Entity.stockLevel), ...others.flat()];
    // Settings with no level anywhere: a first stock put writes its settings before its levels, so the
    // variant is not stocked yet, not sold out. The levels' own stream records bring the check back.
    if (levels.length === 0) return undefined;
    const available = levels.reduce((sum, level) => sum + (level.available as number), 0);
    return {
      shards,
      threshold: settings.lowStockThreshold as number,
      // No state yet means nothing fired: a variant first seen low is reported.
      state: { lowAlerted: saved?.lowAlerted === true, outAlerted: saved?.outAlerted === true },
      version: saved?.version as number | undefined,
      available,
    };
  }

  /** The state Put, conditional on the version read (or on there being none). */
  #saveState(variantId: string, read: Snapshot, next: AlertState, now: Date): TransactItem {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          ...stockKeys.alerts(variantId),
          entity: Entity.stockAlerts,
          variantId,
          ...next,
          lastAvailable: read.available,
          threshold: read.threshold,
          version: (read.version ?? 0) + 1,
          updatedAt: now.toISOString(),
        },
        ConditionExpression: read.version === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(read.version === undefined ? {} : { ExpressionAttributeValues: { ':v': read.version } }),
      },
    };
  }
}
