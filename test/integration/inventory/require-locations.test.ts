import { describe, expect, it } from 'vitest';
import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const warehouse = (id: string) => ({ id, name: id, kind: 'warehouse' as const, priority: 1, regions: [] });

describe('LocationRepository.require', () => {
  it('accepts a location created after the list was cached, and refuses an unknown id with its code', async () => {
    useLocalDynamo();
    const table = await createTestTable();
    // A long cache, as the admin function has: the cached list must not hide a new location.
    const locations = new LocationRepository(table, { cacheMs: 3_600_000 });
    await locations.create(warehouse('wh-a'));
    await locations.require(['wh-a']);
    expect((await locations.cachedList()).map((l) => l.id)).toEqual(['wh-a']);

    await locations.create(warehouse('wh-b'));
    await locations.require(['wh-a', 'wh-b']);
    // The miss refreshed the cache.
    expect((await locations.cachedList()).map((l) => l.id).sort()).toEqual(['wh-a', 'wh-b']);

    await expect(locations.require(['wh-a', 'wh-z'])).rejects.toMatchObject({
      statusCode: 404,
      code: 'location_not_found',
    });
  });
});
