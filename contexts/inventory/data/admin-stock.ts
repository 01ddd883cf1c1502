import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import type { AdjustmentInput, LedgerType, PutStockInput, VariantStock } from '../domain/schemas.ts';
import { shardTargets } from '../domain/shards.ts';
import { adjustmentDelta, distributeDelta, type ShardLevel, sumFigures } from '../domain/stock.ts';
import { INVENTORY_SOURCE } from '../events.ts';
import { adjustLevel, ledgerPut, type StockActor, stockSettingsItem } from './items.ts';
import type { LocationRepository } from './location-repository.ts';
import type { StockReader, StockSettings } from './stock-reader.ts';

const MAX_ATTEMPTS = 10;

/**
 * Admin changes of stock: absolute counts and shard counts (`PUT`), and adjustments (receipts,
 * corrections, shrinkage, returns). Every change of on-hand stock writes a ledger entry in the same
 * transaction, so the ledger replays to the current figures; each location is one transaction.
 */
export class StockAdmin {
  readonly #table: string;
  readonly #stock: StockReader;
  readonly #locations: LocationRepository;

  constructor(table: string, stock: StockReader, locations: LocationRepository) {
    this.#table = table;
    this.#stock = stock;
    this.#locations = locations;
  }

  /** Sets on-hand per location, the low-stock threshold and the shard count (marking a variant hot). */
  async put(
    variantId: string,
    input: PutStockInput,
    actor: StockActor,
    now = new Date(),
  ): Promise<VariantStock> {
    await this.#locations.require(input.levels.map((l) => l.locationId));
    const before = await this.#stock.settings(variantId, true);
    const settings = await this.#saveSettings(variantId, before, input);
    const oldShards = before?.shards ?? 1;
    const targets = new Map(input.levels.map((l) => [l.locationId, l.onHand]));
    for (let attempt = 0; ; attempt++) {
      const shards = await this.#stock.allShards(variantId, Math.max(oldShards, settings.shards));
      const locations = new Set([
        ...targets.keys(),
        ...(oldShards !== settings.shards ? shards.map((s) => s.locationId) : []),
      ]);
      const pending = [...locations].map((locationId) => {
        const current = shards.filter((s) => s.locationId === locationId);
        const target = targets.get(locationId) ?? sumFigures(current).onHand;
        return this.#shapeLevel(
          variantId,
          locationId,
          current,
          settings.shards,
          target,
          input.reason,
          actor,
          now,
        );
      });
      const results = await Promise.all(
        pending.filter((items) => items.length).map((items) => transact(items)),
      );
      if (results.every((r) => r.ok)) break;
      if (attempt + 1 >= MAX_ATTEMPTS)
        throw new ConflictError(
          'Stock changed while it was being set; read again and retry',
          'stock_changed',
        );
      await backoff(attempt);
    }
    return (await this.#stock.variantStock(variantId))!;
  }

  /**
   * Applies one adjustment at one location; 422 when it would take on-hand or available below zero.
   * `once`: an item whose condition fails if the adjustment was applied before (a feed row's marker),
   * written in the same transaction; then 409 `row_already_applied` and nothing changes.
   */
  async adjust(
    variantId: string,
    input: AdjustmentInput,
    actor: StockActor,
    now = new Date(),
    once?: TransactItem,
  ): Promise<VariantStock> {
    await this.#locations.require([input.locationId]);
    const settings =
      (await this.#stock.settings(variantId, true)) ?? (await this.#saveSettings(variantId, undefined, {}));
    const delta = adjustmentDelta(input.type, input.quantity, input.direction);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const all = await this.#stock.allShards(variantId, settings.shards);
      const here = all.filter((s) => s.locationId === input.locationId);
      const level = sumFigures(here);
      if (level.onHand + delta < 0)
        throw new UnprocessableError(
          `On-hand stock ${level.onHand} cannot fall by ${-delta}`,
          'negative_on_hand',
        );
      const slots = Array.from({ length: settings.shards }, (_, shard) => ({
        shard,
        available: here.find((s) => s.shard === shard)?.available ?? 0,
      }));
      const shares = distributeDelta(slots, delta);
      if (!shares)
        throw new UnprocessableError(
          `Only ${level.available} of ${level.onHand} units are not reserved; ${-delta} cannot be removed`,
          'insufficient_available',
        );
      const items: TransactItem[] = [];
      for (const [shard, d] of shares) {
        const a = { variantId, locationId: input.locationId, shard };
        items.push(adjustLevel(this.#table, a, d, now));
        items.push(
          ledgerPut(this.#table, { ...a, type: input.type, delta: d, reason: input.reason, actor }, now),
        );
      }
      const { locationId, type, reason } = input;
      items.push(
        this.#event(
          'InventoryAdjusted',
          { variantId, locationId, type, delta, onHand: level.onHand + delta, reason, actor },
          now,
        ),
      );
      if (once) items.push(once);
      const result = await transact(items);
      if (result.ok) return (await this.#stock.variantStock(variantId))!;
      if (once && result.conditionFailed[items.length - 1])
        throw new ConflictError('This change was applied before', 'row_already_applied');
      await backoff(attempt);
    }
    throw new ConflictError('Stock changed while it was being adjusted; retry', 'stock_changed');
  }

  /** The transaction that gives one location's level `target` on-hand over `n` shards (may be empty). */
  #shapeLevel(
    variantId: string,
    locationId: string,
    current: ShardLevel[],
    n: number,
    target: number,
    reason: string,
    actor: StockActor,
    now: Date,
  ): TransactItem[] {
    const shaped = shardTargets(current, n, target);
    if (shaped === 'below_reserved')
      throw new UnprocessableError(
        `${locationId}: on-hand cannot be set below what is reserved`,
        'below_reserved',
      );
    if (typeof shaped === 'string')
      throw new ConflictError(
        'A shard to be removed still holds reservations; retry when they settle',
        'shards_busy',
      );
    const oldTotal = sumFigures(current).onHand;
    const type: LedgerType = target === oldTotal ? 'transfer' : 'correction';
    const items: TransactItem[] = [];
    for (const [shard, to] of shaped) {
      const seen = current.find((s) => s.shard === shard);
      const d = to - (seen?.onHand ?? 0);
      if (d === 0 && seen) continue;
      const a = { variantId, locationId, shard };
      items.push(adjustLevel(this.#table, a, d, now, seen ? seen.onHand : null));
      if (d !== 0) items.push(ledgerPut(this.#table, { ...a, type, delta: d, reason, actor }, now));
    }
    if (target !== oldTotal)
      items.push(
        this.#event(
          'InventoryAdjusted',
          { variantId, locationId, type, delta: target - oldTotal, onHand: target, reason, actor },
          now,
        ),
      );
    return items;
  }

  #event(type: string, data: unknown, now: Date): TransactItem {
    return { Put: { TableName: this.#table, Item: outboxItem(INVENTORY_SOURCE, type, data, now) } };
  }

  /** Writes the variant's settings (conditional on the version read), creating them on first use. */
  async #saveSettings(
    variantId: string,
    before: StockSettings | undefined,
    input: { shards?: number; lowStockThreshold?: number },
  ): Promise<StockSettings> {
    const next: StockSettings = {
      variantId,
      shards: input.shards ?? before?.shards ?? 1,
      lowStockThreshold: input.lowStockThreshold ?? before?.lowStockThreshold ?? 0,
      version: (before?.version ?? 0) + 1,
    };
    if (before && next.shards === before.shards && next.lowStockThreshold === before.lowStockThreshold)
      return before;
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: stockSettingsItem(next),
          ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(pk)',
          ...(before ? { ExpressionAttributeValues: { ':v': before.version } } : {}),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError('The stock settings changed at the same time; retry', 'version_conflict');
      throw error;
    }
    return next;
  }
}
