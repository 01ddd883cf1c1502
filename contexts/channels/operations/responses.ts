import type { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { UnknownLocationError } from '../domain/errors.ts';

/** Channels change rarely but an admin must see a change at once: never cached. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** Refuses (422 `unknown_stock_location`) locations that do not exist: 1 Query of the few locations. */
export const checkLocations = async (locations: LocationRepository, ids: readonly string[] | undefined) => {
  if (!ids) return;
  const known = new Set((await locations.list()).map((l) => l.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new UnknownLocationError(unknown);
};
