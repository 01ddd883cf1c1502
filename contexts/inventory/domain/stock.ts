/**
 * Stock math, pure: no I/O. A level is stored as three numbers (`onHand`, `reserved`, `available`)
 * because DynamoDB conditions cannot do arithmetic: `available >= :qty` must be a stored attribute.
 * Every write moves them together, so `available = onHand − reserved` holds by construction.
 */

/** The stock figures of one shard of one level. */
export interface Figures {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/** One shard of one variant's level at one location, as read. */
export interface ShardLevel extends Figures {
  readonly locationId: string;
  readonly shard: number;
}

/** Adds figures (shards of one level, or levels of one variant). */
export const sumFigures = (levels: readonly Figures[]): Figures =>
  levels.reduce(
    (a, l) => ({
      onHand: a.onHand + l.onHand,
      reserved: a.reserved + l.reserved,
      available: a.available + l.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );

/** Sums the shards of each location: the levels an admin sees, one per location, sorted by id. */
export const levelsByLocation = (shards: readonly ShardLevel[]): Array<Figures & { locationId: string }> => {
  const byLocation = new Map<string, ShardLevel[]>();
  for (const s of shards) byLocation.set(s.locationId, [...(byLocation.get(s.locationId) ?? []), s]);
  return [...byLocation.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([locationId, list]) => ({ locationId, ...sumFigures(list) }));
};

/** What is wrong with a level's figures, or undefined: the invariant every test checks. */
export const invariantViolation = (f: Figures): string | undefined => {
  if (f.available !== f.onHand - f.reserved) return `available ${f.available} ≠ ${f.onHand} − ${f.reserved}`;
  if (f.available < 0) return `available ${f.available} < 0`;
  if (f.reserved < 0) return `reserved ${f.reserved} < 0`;
  return undefined;
};

/** The signed change of on-hand stock an adjustment makes. */
export const adjustmentDelta = (
  type: 'receipt' | 'correction' | 'shrinkage' | 'return',
  quantity: number,
  direction?: 'increase' | 'decrease',
): number => {
  if (type === 'receipt' || type === 'return') return quantity;
  if (type === 'shrinkage') return -quantity;
  return direction === 'decrease' ? -quantity : quantity;
};

/**
 * Splits a change of on-hand stock over a level's shards: an increase evenly (remainder to the lowest
 * shards), a decrease from the shards with the most available first. Undefined when a decrease is
 * larger than what is available (it would make `available` negative).
 */
export const distributeDelta = (
  shards: readonly { shard: number; available: number }[],
  delta: number,
): Map<number, number> | undefined => {
  const out = new Map<number, number>();
  if (delta >= 0) {
    const n = shards.length;
    shards.forEach((s, i) => {
      const share = Math.floor(delta / n) + (i < delta % n ? 1 : 0);
      if (share !== 0) out.set(s.shard, share);
    });
    return out;
  }
  let left = -delta;
  for (const s of [...shards].sort((a, b) => b.available - a.available || a.shard - b.shard)) {
    const take = Math.min(left, s.available);
    if (take > 0) out.set(s.shard, -take);
    left -= take;
  }
  return left === 0 ? out : undefined;
};

/** What the alert monitor remembers per variant: which alerts fired and are not yet re-armed. */
export interface AlertState {
  readonly lowAlerted: boolean;
  readonly outAlerted: boolean;
}

/**
 * The alerts due for a variant whose total available stock is now `available`, given what already
 * fired: `LowStock` once when it is at or below the threshold, `OutOfStock` once when it is 0 (both when
 * one change does both). Each re-arms when the total rises back above its line, silently.
 */
export const alertTransition = (
  state: AlertState,
  available: number,
  threshold: number,
): { readonly next: AlertState; readonly alerts: Array<'LowStock' | 'OutOfStock'> } => {
  const low = available <= threshold;
  const out = available <= 0;
  const alerts: Array<'LowStock' | 'OutOfStock'> = [];
  if (low && !state.lowAlerted) alerts.push('LowStock');
  if (out && !state.outAlerted) alerts.push('OutOfStock');
  return { next: { lowAlerted: low, outAlerted: out }, alerts };
};

/**
 * The alert state as stored: the flags, and the total they were decided on (the summary carts show),
 * with the same figure per location (what a sales channel's carts add up over its locations). A state
 * written before per-location figures has none until its next write.
 */
export interface StoredAlertState extends AlertState {
  readonly lastAvailable: number;
  readonly byLocation?: Readonly<Record<string, number>>;
}

/**
 * Whether the stored summary `stored` should be rewritten for a total of `available`: when it moved by
 * a tenth of the stored figure or more (so it is exact up to 10 units and within 10 % above). Each
 * rewrite then needs the total to move 10 % again, so a fall of a hot SKU from N units to 0 rewrites it
 * about 9.5 × ln(N / 10) + 10 times (115 for a million units), whatever the order rate.
 */
export const summaryStale = (stored: number, available: number): boolean =>
  available !== stored && Math.abs(available - stored) * 10 >= stored;

/**
 * Whether any location's figure is stale by the same rule (a location appearing or emptying counts).
 * A stored state without figures is not stale for them: it gains them with its next write anyway.
 */
export const locationsStale = (
  stored: Readonly<Record<string, number>> | undefined,
  now: Readonly<Record<string, number>> | undefined,
): boolean => {
  if (!stored || !now) return false;
  const ids = new Set([...Object.keys(stored), ...Object.keys(now)]);
  return [...ids].some((id) => summaryStale(stored[id] ?? 0, now[id] ?? 0));
};

/** What one check of the alert monitor decides. `write` is false when nothing a reader relies on changed. */
export interface AlertDecision {
  readonly next: AlertState;
  readonly alerts: Array<'LowStock' | 'OutOfStock'>;
  /** A flag moved (a crossing, a re-arm) or the state is new: the decision itself changed. */
  readonly flagsChanged: boolean;
  /** Whether the state must be written: the flags changed, or the summary is stale. */
  readonly write: boolean;
}

/**
 * The monitor's decision for a variant whose total available stock is `available`, given the stored
 * state (undefined: none yet, which counts as armed, so a variant first seen low alerts once). A check
 * whose total changes neither a flag nor the summary beyond its tolerance writes nothing.
 */
export const alertDecision = (
  stored: StoredAlertState | undefined,
  available: number,
  threshold: number,
  byLocation?: Readonly<Record<string, number>>,
): AlertDecision => {
  const armed: AlertState = { lowAlerted: false, outAlerted: false };
  const { next, alerts } = alertTransition(stored ?? armed, available, threshold);
  if (!stored) return { next, alerts, flagsChanged: true, write: true };
  const flagsChanged = next.lowAlerted !== stored.lowAlerted || next.outAlerted !== stored.outAlerted;
  const stale =
    summaryStale(stored.lastAvailable, available) || locationsStale(stored.byLocation, byLocation);
  return { next, alerts, flagsChanged, write: flagsChanged || stale };
};
