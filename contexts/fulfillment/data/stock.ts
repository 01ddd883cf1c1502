import { adjustLevel, ledgerPut } from '#contexts/inventory/data/items.ts';
import { readReservation } from '#contexts/inventory/data/reserve.ts';
import { StockReader } from '#contexts/inventory/data/stock-reader.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import type { FulfillmentLine } from '../domain/schemas.ts';
import {
  isTransfer,
  type Place,
  placeMoves,
  type Shortfall,
  type StockMove,
  sourceUnits,
  unfulfilledSales,
  variantsToMove,
} from '../domain/stock-moves.ts';

/** 409: the fulfilling location does not have the units it would have to take; nothing was written. */
export const locationOutOfStock = (locationId: string, short: readonly Shortfall[] = []) =>
  new ConflictError(
    `Location ${locationId} has not enough stock for the units sold elsewhere${short
      .map((s) => `; ${s.variantId}: ${s.requested} needed, ${s.available} available`)
      .join('')}`,
    'location_out_of_stock',
  );

/**
 * Decides what fulfilling `lines` from `locationId` does to stock: the units' sales are the order's
 * reservation (read by key: 1 GetItem) less what fulfillments not canceled already took (`taken`); units
 * sold elsewhere are taken from the location's shards, read consistently (settings + 1 GetItem per shard,
 * per such variant). Not enough there: 409 `location_out_of_stock`.
 */
export const planStock = async (
  table: string,
  order: Order,
  locationId: string,
  lines: readonly FulfillmentLine[],
  taken: readonly StockMove[],
): Promise<StockMove[]> => {
  const reservation = await readReservation(table, order.reservationId);
  const sales = reservation?.status === 'committed' ? reservation.allocations : [];
  const units = lines.map((l) => ({
    ...l,
    variantId: order.lines.find((o) => o.id === l.lineId)!.variantId,
  }));
  const sourced = sourceUnits(units, locationId, unfulfilledSales(sales, taken));
  const reader = new StockReader(table);
  const shards = new Map(
    await Promise.all(
      variantsToMove(sourced, locationId).map(
        async (v) => [v, await reader.atLocation(v, locationId)] as const,
      ),
    ),
  );
  const placed = placeMoves(sourced, locationId, shards);
  if ('short' in placed) throw locationOutOfStock(locationId, placed.short);
  return placed.moves;
};

/**
 * Which way the stock writes go: `fulfil` takes the units; `reverse` undoes exactly that (a canceled
 * fulfillment: units back where they were taken, the seller's returned units taken back from it — only if
 * they are still available); `withOrder` puts the taken units back but leaves the seller what it got, for
 * an order's cancellation, which restocks the seller's remaining sale itself (`stillSold`).
 */
export type StockDirection = 'fulfil' | 'reverse' | 'withOrder';

const levelKey = (variantId: string, p: Place) => `${variantId}|${p.locationId}|${p.shard}`;

/**
 * The ledger entries and level Updates of a fulfillment's moves, for its own transaction. Each move has a
 * `fulfillment` (or `fulfillment_canceled`) entry where the units leave, with their `quantity`; its `delta`
 * is 0 when they were sold there. A transfer also moves the figures (level Updates summed per shard: two
 * writes of one item cannot share a transaction) and writes a `transfer` entry at the seller. A decrease
 * is conditional on enough available stock (`adjustLevel`).
 */
export const stockWrites = (
  table: string,
  fulfillmentId: string,
  orderId: string,
  moves: readonly StockMove[],
  direction: StockDirection,
  now: Date,
): TransactItem[] => {
  const sign = direction === 'fulfil' ? 1 : -1;
  const actor = direction === 'withOrder' ? 'system:order-cancellation' : 'fulfillment';
  const reason = `fulfillment ${fulfillmentId} of order ${orderId}${direction === 'fulfil' ? '' : ' canceled'}`;
  const levels = new Map<string, { variantId: string; place: Place; delta: number }>();
  const shift = (variantId: string, place: Place, delta: number) => {
    const key = levelKey(variantId, place);
    const at = levels.get(key) ?? { variantId, place, delta: 0 };
    levels.set(key, { ...at, delta: at.delta + delta });
  };
  const entries: TransactItem[] = [];
  for (const m of moves) {
    const moved = isTransfer(m);
    const delta = moved ? -sign * m.quantity : 0;
    const type = direction === 'fulfil' ? 'fulfillment' : 'fulfillment_canceled';
    const common = { variantId: m.variantId, reason, actor, fulfillmentId };
    entries.push(ledgerPut(table, { ...common, ...m.takenFrom, type, delta, quantity: m.quantity }, now));
    if (!moved) continue;
    shift(m.variantId, m.takenFrom, delta);
    if (direction === 'withOrder') continue;
    entries.push(ledgerPut(table, { ...common, ...m.soldAt, type: 'transfer', delta: -delta }, now));
    shift(m.variantId, m.soldAt, -delta);
  }
  const updates = [...levels.values()]
    .filter((l) => l.delta !== 0)
    .map((l) => adjustLevel(table, { variantId: l.variantId, ...l.place }, l.delta, now));
  return [...updates, ...entries];
};
