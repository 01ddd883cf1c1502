/**
 * Sourcing, pure: which location(s) fill each line. Rule: one location that can fill the whole order
 * (lowest `priority` first); otherwise each line is split over locations by priority, then most stock.
 * Locations are limited to those serving the order's sales region (a location with no regions serves
 * every region), which is how sourcing is configured per region, and to the sales channel's locations
 * when the order names them (docs/channels.md).
 */

/** What sourcing needs of a location. */
export interface SourcingLocation {
  readonly id: string;
  readonly priority: number;
  readonly regions: readonly string[];
  readonly active: boolean;
}

/** Stock one line may take: per location, the shard that was read and its available units. */
export interface Candidate {
  readonly locationId: string;
  readonly shard: number;
  readonly available: number;
}

export interface SourcingLine {
  readonly variantId: string;
  readonly quantity: number;
  readonly candidates: readonly Candidate[];
}

export interface SourcedAllocation {
  readonly variantId: string;
  readonly locationId: string;
  readonly shard: number;
  readonly quantity: number;
}

/** A line that cannot be filled: what was asked and what the eligible locations have. */
export interface Shortfall {
  readonly variantId: string;
  readonly requested: number;
  readonly available: number;
}

export type SourcingResult =
  | { readonly ok: true; readonly allocations: SourcedAllocation[] }
  | { readonly ok: false; readonly short: Shortfall[] };

/** Active locations serving `region` (and among `allowed`, if given), best first (priority, then id). */
export const eligibleLocations = (
  locations: readonly SourcingLocation[],
  region?: string,
  allowed?: readonly string[],
) =>
  locations
    .filter((l) => l.active && (!region || l.regions.length === 0 || l.regions.includes(region)))
    .filter((l) => !allowed || allowed.includes(l.id))
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));

/** Chooses the allocations of an order's lines, or names every line that is short. */
export const source = (
  lines: readonly SourcingLine[],
  locations: readonly SourcingLocation[],
  region?: string,
  allowed?: readonly string[],
): SourcingResult => {
  const eligible = eligibleLocations(locations, region, allowed);
  const priority = new Map(eligible.map((l) => [l.id, l.priority]));
  const usable = (line: SourcingLine) =>
    line.candidates.filter((c) => priority.has(c.locationId) && c.available > 0);

  for (const location of eligible) {
    const picks = lines.map((line) => usable(line).find((c) => c.locationId === location.id));
    if (picks.every((c, i) => c && c.available >= lines[i]!.quantity))
      return {
        ok: true,
        allocations: lines.map((line, i) => ({
          variantId: line.variantId,
          locationId: location.id,
          shard: picks[i]!.shard,
          quantity: line.quantity,
        })),
      };
  }

  const allocations: SourcedAllocation[] = [];
  const short: Shortfall[] = [];
  for (const line of lines) {
    const ordered = [...usable(line)].sort(
      (a, b) =>
        priority.get(a.locationId)! - priority.get(b.locationId)! ||
        b.available - a.available ||
        a.locationId.localeCompare(b.locationId),
    );
    let left = line.quantity;
    for (const c of ordered) {
      if (left === 0) break;
      const take = Math.min(left, c.available);
      allocations.push({
        variantId: line.variantId,
        locationId: c.locationId,
        shard: c.shard,
        quantity: take,
      });
      left -= take;
    }
    if (left > 0)
      short.push({
        variantId: line.variantId,
        requested: line.quantity,
        available: ordered.reduce((a, c) => a + c.available, 0),
      });
  }
  return short.length ? { ok: false, short } : { ok: true, allocations };
};
