import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { VariantStock } from '../domain/schemas.ts';
import { levelsByLocation, type ShardLevel, sumFigures } from '../domain/stock.ts';
import { stockKeys } from './keys.ts';

/** A variant's stock settings: how many shards its levels have and when it counts as low. */
export interface StockSettings {
  readonly variantId: string;
  readonly shards: number;
  readonly lowStockThreshold: number;
  readonly version: number;
}

/**
 * Reads stock. Settings are cached for `cacheMs` (default 5 s) per instance: a hot variant's
 * reservations would otherwise all read one SETTINGS item, making shard 0's partition hot for reads.
 * A stale shard count is safe: conditions on the shard items decide, never the cached figure.
 */
export class StockReader {
  readonly #table: string;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, { settings: StockSettings; until: number }>();

  constructor(table: string, options: { cacheMs?: number } = {}) {
    this.#table = table;
    this.#cacheMs = options.cacheMs ?? 5000;
  }

  /** A variant's settings (undefined when its stock is not tracked); `fresh` bypasses the cache. */
  async settings(variantId: string, fresh = false): Promise<StockSettings | undefined> {
    const hit = this.#cache.get(variantId);
    if (!fresh && hit && hit.until > Date.now()) return hit.settings;
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: stockKeys.settings(variantId), ConsistentRead: fresh }),
    );
    if (!Item) return undefined;
    const settings: StockSettings = {
      variantId,
      shards: Item.shards as number,
      lowStockThreshold: Item.lowStockThreshold as number,
      version: Item.version as number,
    };
    this.#cache.set(variantId, { settings, until: Date.now() + this.#cacheMs });
    return settings;
  }

  /** One shard's level at every location (1 Query of the shard's partition). */
  async shard(variantId: string, shard: number, consistent = false): Promise<ShardLevel[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :level)',
        ExpressionAttributeValues: {
          ':pk': stockKeys.shardPartition(variantId, shard),
          ':level': stockKeys.levelPrefix,
        },
        ConsistentRead: consistent,
      }),
    );
    return Items.map((i) => ({
      locationId: i.locationId as string,
      shard,
      onHand: i.onHand as number,
      reserved: i.reserved as number,
      available: i.available as number,
    }));
  }

  /** Every shard level of a variant (one Query per shard, in parallel, strongly consistent). */
  async allShards(variantId: string, shards: number): Promise<ShardLevel[]> {
    const lists = await Promise.all(Array.from({ length: shards }, (_, k) => this.shard(variantId, k, true)));
    return lists.flat();
  }

  /**
   * Every shard of a variant's level at one location, as stored now (the settings and one GetItem per
   * shard, consistent, in parallel); none when the variant's stock is not tracked or not kept there.
   */
  async atLocation(variantId: string, locationId: string): Promise<ShardLevel[]> {
    const settings = await this.settings(variantId, true);
    if (!settings) return [];
    const items = await Promise.all(
      Array.from({ length: settings.shards }, async (_, shard) => {
        const { Item } = await documentClient().send(
          new GetCommand({
            TableName: this.#table,
            Key: stockKeys.level(variantId, shard, locationId),
            ConsistentRead: true,
          }),
        );
        return Item;
      }),
    );
    return items.flatMap((i, shard) =>
      i
        ? [
            {
              locationId,
              shard,
              onHand: i.onHand as number,
              reserved: i.reserved as number,
              available: i.available as number,
            },
          ]
        : [],
    );
  }

  /** A variant's stock as an admin sees it: per location, shards summed. */
  async variantStock(variantId: string): Promise<VariantStock | undefined> {
    const settings = await this.settings(variantId, true);
    if (!settings) return undefined;
    // Shards beyond the count are left at zero by a reshard (reshard.ts), so they add nothing.
    const levels = levelsByLocation(await this.allShards(variantId, settings.shards));
    return {
      variantId,
      shards: settings.shards,
      lowStockThreshold: settings.lowStockThreshold,
      levels,
      ...sumFigures(levels),
    };
  }
}
