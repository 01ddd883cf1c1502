import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { backoff, MAX_TRANSACT_ITEMS, type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError, ValidationError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { OutOfStockError, UnknownVariantError } from '../domain/errors.ts';
import { MAX_ALLOCATIONS, type Reservation, type ReserveInput, reserveInput } from '../domain/schemas.ts';
import { shardOrder } from '../domain/shards.ts';
import { type Shortfall, type SourcingLine, source } from '../domain/sourcing.ts';
import { INVENTORY_SOURCE } from '../events.ts';
import { holdUnits, reservationItem } from './items.ts';
import { reservationKeys } from './keys.ts';
import type { LocationRepository } from './location-repository.ts';
import type { StockReader, StockSettings } from './stock-reader.ts';

/** Attempts before a reservation under relentless contention gives up with a retryable 409. */
const MAX_ATTEMPTS = 60;

/**
 * Writes that must commit with a reservation or not at all (checkout: the order, promotion usage, the cart
 * closing). They join the reservation's one transaction, after its own items. When one of their conditions
 * fails, the whole transaction is void — no stock is held — and `refused` names the error to throw.
 */
export interface Companion {
  readonly items: (reservation: Reservation, at: Date) => TransactItem[];
  /** The error to throw, given which companion items (same order as `items`' answer) failed their conditions. */
  readonly refused: (conditionFailed: readonly boolean[]) => Error;
}

/** Per variant: its settings, the shards still to try (random order), and the snapshot last read. */
interface LineState {
  readonly settings: StockSettings;
  readonly shards: number[];
  consistent: boolean;
}

/** Reads a reservation by id (strongly consistent), or undefined. */
export const readReservation = async (table: string, id: string): Promise<Reservation | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: reservationKeys.reservation(id), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    id: Item.id,
    ref: Item.ref,
    status: Item.status,
    lines: Item.lines,
    allocations: Item.allocations,
    expiresAt: Item.holdUntil,
    createdAt: Item.createdAt,
    ...(Item.settledAt ? { settledAt: Item.settledAt, settledBy: Item.settledBy } : {}),
    // Reservations settled before chunked settlement existed were applied whole in one transaction.
    ...(Item.status !== 'held' ? { settledThrough: Item.settledThrough ?? Item.allocations.length } : {}),
    ...(Item.restockedThrough !== undefined ? { restockedThrough: Item.restockedThrough } : {}),
  };
};

/**
 * reserve(): holds every line or none, in ONE TransactWriteItems — a conditional decrement per
 * allocation (`available >= qty`), the reservation itself (`attribute_not_exists`, so a retried call
 * with the same id returns the first reservation) and its outbox events. Reads (one Query per variant,
 * one shard each) only choose; the conditions decide, so no read can cause an oversell.
 */
export class ReservationService {
  readonly #table: string;
  readonly #stock: StockReader;
  readonly #locations: LocationRepository;

  constructor(table: string, stock: StockReader, locations: LocationRepository) {
    this.#table = table;
    this.#stock = stock;
    this.#locations = locations;
  }

  /**
   * Reserves `raw` (validated here: 400 on bad input) or throws OutOfStockError / UnknownVariantError;
   * `companion` items commit in the same transaction (or the companion's error is thrown, nothing held).
   */
  async reserve(raw: ReserveInput, now = () => new Date(), companion?: Companion): Promise<Reservation> {
    const input = parseInput(reserveInput, raw, 'reservation');
    const ids = input.lines.map((l) => l.variantId);
    if (new Set(ids).size !== ids.length)
      throw new ValidationError('Each variant may appear in one line only', [
        { path: 'reservation.lines', message: 'duplicate variantId' },
      ]);
    const settings = await Promise.all(ids.map((id) => this.#stock.settings(id)));
    const unknown = ids.filter((_, i) => !settings[i]);
    if (unknown.length) throw new UnknownVariantError(unknown);
    const states = new Map<string, LineState>(
      settings.map((s) => [s!.variantId, { settings: s!, shards: shardOrder(s!.shards), consistent: false }]),
    );

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const lines = await this.#read(input.lines, states);
      const sourced = source(lines, await this.#locations.cachedList(), input.region, input.locationIds);
      if (!sourced.ok) {
        // A hot variant may have stock on another shard: move those lines on and read again.
        if (this.#advance(sourced.short, states)) continue;
        return this.#existingOr(input.reservationId, new OutOfStockError(sourced.short));
      }
      if (sourced.allocations.length > MAX_ALLOCATIONS)
        throw new UnprocessableError(
          `The order needs ${sourced.allocations.length} allocations; at most ${MAX_ALLOCATIONS} fit one transaction`,
          'reservation_too_large',
        );
      const at = now();
      const reservation: Reservation = {
        id: input.reservationId,
        ref: input.ref,
        status: 'held',
        lines: input.lines,
        allocations: sourced.allocations,
        expiresAt: new Date(at.getTime() + input.holdSeconds * 1000).toISOString(),
        createdAt: at.toISOString(),
      };
      const own = this.#transaction(reservation, at);
      const extra = companion?.items(reservation, at) ?? [];
      // Holding is all or nothing, so it cannot be chunked like a settlement: the companion must fit too.
      if (own.length + extra.length > MAX_TRANSACT_ITEMS)
        throw new UnprocessableError(
          `The order needs ${own.length + extra.length} writes (${reservation.allocations.length} allocations, the reservation, its event and ${extra.length} companion items); one transaction holds ${MAX_TRANSACT_ITEMS}`,
          'reservation_too_large',
        );
      const result = await transact([...own, ...extra]);
      if (result.ok) return reservation;
      const n = reservation.allocations.length;
      // A replay: the first call committed the reservation (and its companion items) already.
      if (result.conditionFailed[n])
        return this.#existingOr(reservation.id, new ConflictError('unreachable'));
      const refused = extra.map((_, i) => result.conditionFailed[own.length + i] === true);
      if (companion && refused.includes(true)) throw companion.refused(refused);
      // A failed decrement: the read was stale. Hot lines move to another shard; all re-read consistently.
      const failed = reservation.allocations
        .filter((_, i) => result.conditionFailed[i])
        .map((a) => a.variantId);
      for (const id of failed) {
        const state = states.get(id)!;
        if (state.settings.shards > 1 && state.shards.length > 1) state.shards.shift();
        state.consistent = true;
      }
      if (result.conflict || failed.length === 0) await backoff(attempt);
    }
    throw new ConflictError('Stock is under heavy contention; retry the reservation', 'stock_contention');
  }

  /** Reads each line's current shard (1 Query per variant, in parallel) into sourcing lines. */
  async #read(lines: readonly { variantId: string; quantity: number }[], states: Map<string, LineState>) {
    return Promise.all(
      lines.map(async (line): Promise<SourcingLine> => {
        const state = states.get(line.variantId)!;
        const levels = await this.#stock.shard(line.variantId, state.shards[0]!, state.consistent);
        return { ...line, candidates: levels };
      }),
    );
  }

  /** Moves every short hot line to its next untried shard; false when no short line has one left. */
  #advance(short: readonly Shortfall[], states: Map<string, LineState>): boolean {
    let moved = false;
    for (const s of short) {
      const state = states.get(s.variantId)!;
      if (state.shards.length > 1) {
        state.shards.shift();
        state.consistent = true;
        moved = true;
      } else if (!state.consistent) {
        // A non-hot line read eventually consistently: confirm the shortage with a consistent read.
        state.consistent = true;
        moved = true;
      }
    }
    return moved;
  }

  /** A retried reserve whose reservation already exists returns it (idempotent); else throws `error`. */
  async #existingOr(id: string, error: Error): Promise<Reservation> {
    const existing = await readReservation(this.#table, id);
    if (existing) return existing;
    throw error;
  }

  /** The one transaction: decrements, the reservation and StockReserved. */
  #transaction(r: Reservation, at: Date): TransactItem[] {
    const items: TransactItem[] = r.allocations.map((a) => holdUnits(this.#table, a));
    items.push({
      Put: {
        TableName: this.#table,
        Item: reservationItem(r),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    const { id: reservationId, ref, lines: reserved, allocations, expiresAt } = r;
    const event = (type: string, data: unknown) => ({
      Put: { TableName: this.#table, Item: outboxItem(INVENTORY_SOURCE, type, data, at) },
    });
    items.push(event('StockReserved', { reservationId, ref, lines: reserved, allocations, expiresAt }));
    // LowStock/OutOfStock are not decided here: the stockAlerts pipe computes them from the totals.
    return items;
  }
}
