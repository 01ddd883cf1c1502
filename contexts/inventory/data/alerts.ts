import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type AvailabilityChange, availabilityChanges, type ChannelScope } from '../domain/availability.ts';
import { type AlertDecision, alertDecision, type StoredAlertState } from '../domain/stock.ts';
import { INVENTORY_SOURCE } from '../events.ts';
import { Entity, stockKeys } from './keys.ts';
import { StockReader } from './stock-reader.ts';

/** Attempts before a check gives up (and the pipe retries the batch). */
const MAX_ATTEMPTS = 10;

type Item = Record<string, unknown>;

/** The outcome of one check: the total read and the alerts this check emitted (usually none). */
export interface AlertCheck {
  readonly variantId: string;
  readonly available: number;
  readonly threshold: number;
  readonly alerts: ReadonlyArray<'LowStock' | 'OutOfStock'>;
}

/** What one read found: the variant's total and threshold, and the monitor's state with its version. */
interface Snapshot {
  readonly threshold: number;
  readonly available: number;
  /** Available units per location (shards added up). */
  readonly byLocation: Record<string, number>;
  readonly stored: StoredAlertState | undefined;
  /** Each channel's figure last published by `AvailabilityChanged`. */
  readonly published: Record<string, number> | undefined;
  readonly version: number | undefined;
  /** The state was found at its old key (shard 0's partition, before `stock-alerts-v1`): the write moves it. */
  readonly legacy: boolean;
}

const storedState = (item: Item | undefined): StoredAlertState | undefined =>
  item && {
    lowAlerted: item.lowAlerted === true,
    outAlerted: item.outAlerted === true,
    lastAvailable: Number(item.lastAvailable ?? 0),
    ...(item.byLocation ? { byLocation: item.byLocation as Record<string, number> } : {}),
  };

/** Where the monitor learns the sales channels (each with its locations) it publishes availability for. */
export type ChannelScopes = () => Promise<readonly ChannelScope[]>;

/** Without channels: the default one, served by every location. */
const defaultOnly: ChannelScopes = async () => [{ id: DEFAULT_CHANNEL_ID, stockLocationIds: null }];

/**
 * Decides LowStock/OutOfStock from a variant's total available stock (every location and shard), the
 * single source of both alerts. The state item (`STOCKALERT#<v>`) is written only when the decision
 * changes (a crossing with its alert, a re-arm, first sight) or the stock summary it carries for carts
 * is stale, never merely because a check ran — so a hot variant's checks cost no writes between
 * crossings. Every write is conditional on the version read, so two concurrent checks cannot both emit
 * one crossing; the loser re-reads and decides again.
 */
export class StockAlertMonitor {
  readonly #table: string;
  readonly #levels: StockReader;
  readonly #channels: ChannelScopes;

  constructor(table: string, channels: ChannelScopes = defaultOnly) {
    this.#table = table;
    this.#levels = new StockReader(table, { cacheMs: 0 });
    this.#channels = channels;
  }

  /** Checks one variant and emits its due alerts once (undefined when its stock is not tracked). */
  async check(variantId: string, now = new Date()): Promise<AlertCheck | undefined> {
    const emitted: Array<'LowStock' | 'OutOfStock'> = [];
    const scopes = await this.#channels();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const read = await this.#read(variantId);
      if (!read) return undefined;
      const decision = alertDecision(read.stored, read.available, read.threshold, read.byLocation);
      const availability = availabilityChanges(read.published, scopes, read.byLocation, read.threshold);
      const done = { variantId, available: read.available, threshold: read.threshold, alerts: emitted };
      // A state still at its old key is moved on first sight, so carts (reading the new key) see it.
      if (!decision.write && availability.changes.length === 0 && !read.legacy) return done;
      const result = await transact(this.#writes(variantId, read, decision, availability, now));
      if (!result.ok) {
        // Another check moved the state (or held it): re-read the total and decide again.
        await backoff(attempt);
        continue;
      }
      emitted.push(...decision.alerts);
      // A summary refresh ends the check. A moved flag is read back once more: a check that read an
      // older total may have committed after a newer check that found nothing to write (and so left no
      // version behind to refuse it); the re-read corrects such a stale decision at once.
      if (!decision.flagsChanged) return done;
    }
    throw new Error(`Stock alerts for ${variantId}: state kept changing`);
  }

  /**
   * The state (its own partition) beside shard 0's partition (settings, levels) in one round trip,
   * then the other shards' levels: all strongly consistent, so a check sees the change that caused it.
   */
  async #read(variantId: string): Promise<Snapshot | undefined> {
    const [state, zero] = await Promise.all([
      documentClient().send(
        new GetCommand({ TableName: this.#table, Key: stockKeys.alerts(variantId), ConsistentRead: true }),
      ),
      documentClient().send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': stockKeys.shardPartition(variantId, 0) },
          ConsistentRead: true,
        }),
      ),
    ]);
    const items = zero.Items ?? [];
    const settings = items.find((i) => i.entity === Entity.stockSettings);
    if (!settings) return undefined;
    // Shards past the count are drained to zero by a reshard, so they add nothing.
    const others = await Promise.all(
      Array.from({ length: (settings.shards as number) - 1 }, (_, k) =>
        this.#levels.shard(variantId, k + 1, true),
      ),
    );
    const levels = [...items.filter((i) => i.entity === Entity.stockLevel), ...others.flat()];
    // Settings with no level anywhere: a first stock put writes its settings before its levels, so the
    // variant is not stocked yet, not sold out. The levels' own stream records bring the check back.
    if (levels.length === 0) return undefined;
    // Until `stock-alerts-v1` has moved it, a variant's state may still sit beside its settings.
    const legacy = state.Item ? undefined : items.find((i) => i.entity === Entity.stockAlerts);
    const saved = state.Item ?? legacy;
    const byLocation: Record<string, number> = {};
    for (const level of levels)
      byLocation[level.locationId as string] =
        (byLocation[level.locationId as string] ?? 0) + (level.available as number);
    return {
      threshold: settings.lowStockThreshold as number,
      available: levels.reduce((sum, level) => sum + (level.available as number), 0),
      byLocation,
      stored: storedState(saved),
      published: saved?.channelAvailability as Record<string, number> | undefined,
      version: saved?.version as number | undefined,
      legacy: legacy !== undefined,
    };
  }

  /** The state Put (conditional on the version read, or on there being none), its alerts, and the move of an old state. */
  #writes(
    variantId: string,
    read: Snapshot,
    decision: AlertDecision,
    availability: { changes: readonly AvailabilityChange[]; published: Record<string, number> },
    now: Date,
  ): TransactItem[] {
    const fresh = read.version === undefined || read.legacy;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.#table,
          Item: {
            ...stockKeys.alerts(variantId),
            entity: Entity.stockAlerts,
            variantId,
            ...decision.next,
            lastAvailable: read.available,
            byLocation: read.byLocation,
            channelAvailability: availability.published,
            threshold: read.threshold,
            version: (read.version ?? 0) + 1,
            updatedAt: now.toISOString(),
          },
          ConditionExpression: fresh ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(fresh ? {} : { ExpressionAttributeValues: { ':v': read.version } }),
        },
      },
    ];
    if (read.legacy)
      items.push({
        Delete: {
          TableName: this.#table,
          Key: stockKeys.legacyAlerts(variantId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': read.version },
        },
      });
    for (const alert of decision.alerts) {
      const data =
        alert === 'LowStock'
          ? { variantId, available: read.available, threshold: read.threshold }
          : { variantId };
      items.push({ Put: { TableName: this.#table, Item: outboxItem(INVENTORY_SOURCE, alert, data, now) } });
    }
    // In the same transaction as the figures they report, so an event is never published twice or lost.
    for (const change of availability.changes)
      items.push({
        Put: {
          TableName: this.#table,
          Item: outboxItem(INVENTORY_SOURCE, 'AvailabilityChanged', { variantId, ...change }, now),
        },
      });
    return items;
  }
}
