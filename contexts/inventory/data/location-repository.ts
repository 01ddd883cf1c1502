import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { ConflictError, NotFoundError } from '#platform/errors/index.ts';
import type { createLocationInput, StockLocation, updateLocationInput } from '../domain/schemas.ts';
import { Entity, stockLocationKeys } from './keys.ts';

const toLocation = (item: Record<string, unknown>): StockLocation => ({
  id: item.id as string,
  name: item.name as string,
  kind: item.kind as StockLocation['kind'],
  priority: item.priority as number,
  regions: item.regions as string[],
  active: item.active as boolean,
  version: item.version as number,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

/** The item of a stock location, listed in gsi1 `STOCK_LOCATIONS`. */
export const locationItem = (location: StockLocation) => ({
  ...stockLocationKeys.location(location.id),
  ...stockLocationKeys.list(location.id),
  entity: Entity.stockLocation,
  ...location,
});

/** How long a function instance sources from a location list it read: a new location shows within it. */
export const LOCATION_CACHE_MS = 5000;

/**
 * Stock locations (warehouses, stores). There are few, so the list is one Query of gsi1 and reservations
 * cache it for `cacheMs` (default `LOCATION_CACHE_MS`). Locations are deactivated, never deleted: levels and reservations
 * keep naming them.
 */
export class LocationRepository {
  readonly #table: string;
  readonly #cacheMs: number;
  #cached: { list: StockLocation[]; until: number } | undefined;

  constructor(table: string, options: { cacheMs?: number } = {}) {
    this.#table = table;
    this.#cacheMs = options.cacheMs ?? LOCATION_CACHE_MS;
  }

  #put(location: StockLocation, condition: string, values: Record<string, unknown> = {}) {
    return documentClient().send(
      new PutCommand({
        TableName: this.#table,
        Item: locationItem(location),
        ConditionExpression: condition,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      }),
    );
  }

  /** Creates a location; 409 `location_exists` when the id is taken. */
  async create(input: z.output<typeof createLocationInput>, now = new Date()): Promise<StockLocation> {
    const at = now.toISOString();
    const location: StockLocation = { ...input, active: true, version: 1, createdAt: at, updatedAt: at };
    try {
      await this.#put(location, 'attribute_not_exists(pk)');
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError(`Location ${input.id} already exists`, 'location_exists');
      throw error;
    }
    this.#cached = undefined;
    return location;
  }

  /** One location, or 404 `location_not_found`. */
  async get(locationId: string): Promise<StockLocation> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: stockLocationKeys.location(locationId),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new NotFoundError(`Location ${locationId} does not exist`, 'location_not_found');
    return toLocation(Item);
  }

  /** Changes a location if `version` is current (409 `version_conflict` otherwise). */
  async update(locationId: string, input: z.output<typeof updateLocationInput>, now = new Date()) {
    const current = await this.get(locationId);
    if (current.version !== input.version)
      throw new ConflictError('The location changed since it was read', 'version_conflict');
    const { version: _, ...changes } = input;
    const next: StockLocation = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    try {
      await this.#put(next, 'version = :v', { ':v': current.version });
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError('The location changed since it was read', 'version_conflict');
      throw error;
    }
    this.#cached = undefined;
    return next;
  }

  /** Every location, by id (1 Query of gsi1). */
  async list(): Promise<StockLocation[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': stockLocationKeys.listPartition },
      }),
    );
    return Items.map(toLocation);
  }

  /**
   * Refuses ids that are not locations: 404 `location_not_found`, or the error `refuse` makes of the
   * missing ids. Ids the cached list knows cost no read; an admin's new location counts at once.
   */
  async require(
    ids: readonly string[],
    refuse: (missing: string[]) => Error = (missing) =>
      new NotFoundError(`Unknown location ${missing.join(', ')}`, 'location_not_found'),
  ): Promise<void> {
    if (!ids.length) return;
    // Locations are never deleted, so one the cached list knows exists; only a miss (perhaps created
    // since the list was cached) costs a fresh read. A stock feed of many rows reads the list once.
    const missingFrom = (list: StockLocation[]) => {
      const known = new Set(list.map((l) => l.id));
      return ids.filter((id) => !known.has(id));
    };
    if (!missingFrom(await this.cachedList()).length) return;
    const missing = missingFrom(await this.#refresh());
    if (missing.length) throw refuse(missing);
  }

  /** The list, cached for sourcing (a location change shows within `cacheMs`). */
  async cachedList(): Promise<StockLocation[]> {
    if (this.#cached && this.#cached.until > Date.now()) return this.#cached.list;
    return this.#refresh();
  }

  async #refresh(): Promise<StockLocation[]> {
    // Counted from when the read began: a list read while a location was being created may miss it,
    // and must not outlive `cacheMs` from then (a slow read would otherwise stretch the staleness).
    const readAt = Date.now();
    const list = await this.list();
    this.#cached = { list, until: readAt + this.#cacheMs };
    return list;
  }
}
