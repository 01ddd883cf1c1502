import { summaryStale } from './stock.ts';

/** What a storefront or marketplace shows for a variant in a channel. */
export type AvailabilityStatus = 'in_stock' | 'low' | 'out';

/** A sales channel as availability sees it: the locations that serve it (`null`: every location). */
export interface ChannelScope {
  readonly id: string;
  readonly stockLocationIds: readonly string[] | null;
}

/** One channel's availability change, as `AvailabilityChanged` carries it. */
export interface AvailabilityChange {
  readonly channelId: string;
  readonly available: number;
  /** The figure last published for the channel; null the first time. */
  readonly previous: number | null;
  readonly status: AvailabilityStatus;
}

export const statusOf = (available: number, threshold: number): AvailabilityStatus =>
  available <= 0 ? 'out' : available <= threshold ? 'low' : 'in_stock';

/** Units available to a channel: its locations' figures added up. */
export const channelAvailable = (
  scope: Pick<ChannelScope, 'stockLocationIds'>,
  byLocation: Readonly<Record<string, number>>,
): number =>
  (scope.stockLocationIds ?? Object.keys(byLocation)).reduce(
    (sum, id) => sum + Math.max(0, byLocation[id] ?? 0),
    0,
  );

/**
 * The channels whose availability a connector should hear about, debounced by significance: a
 * channel's first figure above zero, a change of status (in stock, low, out: exact at the threshold and at zero),
 * or a move of 10% or more from the figure last published (the same rule that keeps carts' stock
 * summary fresh). Smaller moves are held back, so a selling variant does not send an event per sale;
 * the figure published is always the exact one of that moment. `published` is what to store next:
 * a held-back channel keeps its last published figure, so small moves add up to a published one.
 */
export const availabilityChanges = (
  published: Readonly<Record<string, number>> | undefined,
  scopes: readonly ChannelScope[],
  byLocation: Readonly<Record<string, number>>,
  threshold: number,
): { readonly changes: AvailabilityChange[]; readonly published: Record<string, number> } => {
  const changes: AvailabilityChange[] = [];
  const next: Record<string, number> = {};
  for (const scope of scopes) {
    const available = channelAvailable(scope, byLocation);
    const previous = published?.[scope.id];
    // A channel none of whose locations ever held the variant has nothing to say yet: no "out" for
    // every variant a channel does not sell.
    if (previous === undefined && available === 0) continue;
    const due =
      previous === undefined ||
      statusOf(previous, threshold) !== statusOf(available, threshold) ||
      summaryStale(previous, available);
    next[scope.id] = due ? available : previous;
    if (due)
      changes.push({
        channelId: scope.id,
        available,
        previous: previous ?? null,
        status: statusOf(available, threshold),
      });
  }
  return { changes, published: next };
};
