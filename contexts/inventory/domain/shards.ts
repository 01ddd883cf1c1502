/**
 * Hot-variant stock shards, pure. A hot variant's stock at each location is spread over N shard items
 * in N partitions; a reservation tries the shards in a random order, so load spreads evenly and the
 * reservation ceiling grows linearly with N (docs/inventory.md has the arithmetic).
 */

/** The shards 0…n−1 in a random order (Fisher–Yates); `random` is injectable for tests. */
export const shardOrder = (n: number, random: () => number = Math.random): number[] => {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
};

/** One shard's figures at one location, as read before a reshard. */
export interface ShardFigures {
  readonly shard: number;
  readonly onHand: number;
  readonly reserved: number;
}

/** Why a level cannot take the requested shape. */
export type ShapeError = 'below_reserved' | 'reserved_on_removed_shard';

/**
 * The on-hand stock of each shard when a level should hold `targetOnHand` over `n` shards: every shard
 * keeps what it has reserved (its reservations release back to it) and the available stock is spread
 * evenly over shards 0…n−1; shards ≥ n are drained to zero. A shard that would disappear must hold no
 * reservations, and the target may not be below what is reserved.
 */
export const shardTargets = (
  current: readonly ShardFigures[],
  n: number,
  targetOnHand: number,
): Map<number, number> | ShapeError => {
  if (current.some((s) => s.shard >= n && s.reserved > 0)) return 'reserved_on_removed_shard';
  const reserved = current.reduce((a, s) => a + s.reserved, 0);
  const available = targetOnHand - reserved;
  if (available < 0) return 'below_reserved';
  const reservedOf = new Map(current.map((s) => [s.shard, s.reserved]));
  const out = new Map<number, number>();
  for (let k = 0; k < n; k++)
    out.set(k, (reservedOf.get(k) ?? 0) + Math.floor(available / n) + (k < available % n ? 1 : 0));
  for (const s of current) if (s.shard >= n) out.set(s.shard, 0);
  return out;
};
