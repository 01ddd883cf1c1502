import { z } from 'zod';

/*
 * What fulfilling does to stock (pure). The payment sold an order's units where the checkout allocated
 * them (a `sale` took them off that shard's on-hand). A fulfillment names the location they leave from:
 * units sold there are committed in place (no figure changes); units sold elsewhere are moved — taken
 * from the fulfilling location's available stock and given back to the selling location's on-hand, so
 * the figures say where the goods really left from and the seller keeps the units it still has.
 */

/** One shard of a variant's level at one location. */
const place = z.object({ locationId: z.string().max(64), shard: z.number().int().min(0).max(47) });
export type Place = z.infer<typeof place>;

/** Units of one order line that a fulfillment took: sold at `soldAt`, leaving from `takenFrom`. */
export const stockMove = z.object({
  lineId: z.string().max(64),
  variantId: z.string().max(64),
  quantity: z.number().int().positive(),
  soldAt: place,
  takenFrom: place,
});
export type StockMove = z.infer<typeof stockMove>;

/** What a fulfillment did to stock, as stored on it (none for fulfillments made before it was kept). */
export const stockMoves = z.array(stockMove).max(200);

/** Units the checkout sold of a variant at one shard of one location (the reservation's allocation). */
export interface Sale {
  readonly variantId: string;
  readonly locationId: string;
  readonly shard: number;
  readonly quantity: number;
}

/** Units of one order line to fulfil, and the variant they are. */
export interface LineUnits {
  readonly lineId: string;
  readonly variantId: string;
  readonly quantity: number;
}

/** Whether a move took units from a place other than where they were sold (a transfer of the sale). */
export const isTransfer = (m: StockMove): boolean =>
  m.soldAt.locationId !== m.takenFrom.locationId || m.soldAt.shard !== m.takenFrom.shard;

const samePlace = (a: Place, b: Place) => a.locationId === b.locationId && a.shard === b.shard;

/** The sales less the units that moves (of fulfillments not canceled) already took from each. */
export const unfulfilledSales = (sales: readonly Sale[], taken: readonly StockMove[]): Sale[] =>
  sales
    .map((s) => ({
      ...s,
      quantity:
        s.quantity -
        taken
          .filter((m) => m.variantId === s.variantId && samePlace(m.soldAt, s))
          .reduce((n, m) => n + m.quantity, 0),
    }))
    .filter((s) => s.quantity > 0);

/** Units of a line matched to the sale they come from; not yet to where they are taken. */
export type Sourced = Omit<StockMove, 'takenFrom'>;

/**
 * Which sales a fulfillment's units come from: sales at the fulfilling location first (committed in
 * place), then the others in allocation order (to move). Units no sale accounts for (the reservation is
 * gone: TTL removes it 30 days after the payment) count as sold where they leave, at shard 0.
 */
export const sourceUnits = (lines: readonly LineUnits[], locationId: string, open: readonly Sale[]) => {
  const left = open.map((s) => ({ ...s }));
  const sourced: Sourced[] = [];
  for (const line of lines) {
    let need = line.quantity;
    const sales = left.filter((s) => s.variantId === line.variantId);
    for (const sale of [...sales.filter((s) => s.locationId === locationId), ...sales]) {
      const take = Math.min(need, sale.quantity);
      if (take === 0) continue;
      sale.quantity -= take;
      need -= take;
      const soldAt = { locationId: sale.locationId, shard: sale.shard };
      sourced.push({ lineId: line.lineId, variantId: line.variantId, quantity: take, soldAt });
    }
    if (need > 0) sourced.push({ ...line, quantity: need, soldAt: { locationId, shard: 0 } });
  }
  return sourced;
};

/** A variant whose units to move exceed the fulfilling location's available stock. */
export interface Shortfall {
  readonly variantId: string;
  readonly requested: number;
  readonly available: number;
}

/**
 * Where the sourced units leave from: in place when sold at `locationId`; otherwise from its shards'
 * available stock, the fullest shard first (`shards` per variant: what was read). A variant without
 * enough available stock there is a shortfall, and nothing is moved.
 */
export const placeMoves = (
  sourced: readonly Sourced[],
  locationId: string,
  shards: ReadonlyMap<string, readonly { shard: number; available: number }[]>,
): { moves: StockMove[] } | { short: Shortfall[] } => {
  const moves: StockMove[] = [];
  const short: Shortfall[] = [];
  const free = new Map<string, { shard: number; available: number }[]>();
  for (const [variantId, list] of shards)
    free.set(
      variantId,
      [...list].sort((a, b) => b.available - a.available || a.shard - b.shard).map((s) => ({ ...s })),
    );
  for (const s of sourced) {
    if (s.soldAt.locationId === locationId) {
      moves.push({ ...s, takenFrom: s.soldAt });
      continue;
    }
    const list = free.get(s.variantId) ?? [];
    let need = s.quantity;
    for (const shard of list) {
      const take = Math.min(need, shard.available);
      if (take === 0) continue;
      shard.available -= take;
      need -= take;
      moves.push({ ...s, quantity: take, takenFrom: { locationId, shard: shard.shard } });
    }
    if (need > 0) {
      const requested = sourced
        .filter((o) => o.variantId === s.variantId && o.soldAt.locationId !== locationId)
        .reduce((n, o) => n + o.quantity, 0);
      const available = (shards.get(s.variantId) ?? []).reduce((n, o) => n + o.available, 0);
      if (!short.some((x) => x.variantId === s.variantId))
        short.push({ variantId: s.variantId, requested, available });
    }
  }
  return short.length ? { short } : { moves };
};

/** Variants with units to move to `locationId` (whose levels there must be read). */
export const variantsToMove = (sourced: readonly Sourced[], locationId: string): string[] => [
  ...new Set(sourced.filter((s) => s.soldAt.locationId !== locationId).map((s) => s.variantId)),
];

/**
 * The sales an order's cancellation puts back on the shelves of the places that sold them: every sale,
 * less the units that fulfillments canceled with the order moved (those went back to where they were
 * taken from, and the seller already got its units back when they were moved).
 */
export const stillSold = <S extends Sale>(
  sales: readonly S[],
  canceledWithOrder: readonly StockMove[],
): S[] =>
  sales
    .map((s) => ({
      ...s,
      quantity:
        s.quantity -
        canceledWithOrder
          .filter((m) => isTransfer(m) && m.variantId === s.variantId && samePlace(m.soldAt, s))
          .reduce((n, m) => n + m.quantity, 0),
    }))
    .filter((s) => s.quantity > 0);
