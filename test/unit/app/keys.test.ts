import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';

/** Each context's key module, and the platform's, with the prefixes the composition says it owns. */
const owners = [
  { owner: 'platform', file: 'platform/data/keys.ts' },
  ...readdirSync('contexts')
    .filter(
      (c) =>
        readdirSync(`contexts/${c}`).includes('data') &&
        readdirSync(`contexts/${c}/data`).includes('keys.ts'),
    )
    .map((c) => ({ owner: c, file: `contexts/${c}/data/keys.ts` })),
];
const load = async (file: string) => (await import(`../../../${file}`)) as Record<string, unknown>;

/** Every partition key a module's key builders produce, called with stand-in values. */
const partitionsOf = (value: unknown, name = ''): string[] => {
  if (typeof value === 'function') {
    const out = (value as (...args: unknown[]) => unknown)(
      ...Array.from({ length: value.length }, () => 'x'),
    );
    if (typeof out === 'string') return /partition$/i.test(name) ? [out] : [];
    return partitionsOf(out, name);
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    ['pk', 'gsi1pk', 'gsi2pk'].includes(key) && typeof v === 'string' ? [v] : partitionsOf(v, key),
  );
};

describe('keys', () => {
  it('finds a key module for every context that stores items', () => {
    expect(owners.map((o) => o.owner)).toEqual(
      expect.arrayContaining(['platform', 'catalog', 'orders', 'carts']),
    );
  });

  it.each(owners)(
    '$owner builds only partition keys under the prefixes it declares',
    async ({ owner, file }) => {
      const declared = Object.entries(app.keyPrefixes)
        // A context may build the platform's keys too (a payment waiter is a platform task token).
        .filter(([, by]) => by === owner || by === 'platform')
        .map(([prefix]) => prefix);
      const partitions = Object.entries(await load(file)).flatMap(([name, v]) => partitionsOf(v, name));
      expect(partitions.length).toBeGreaterThan(0);
      expect(partitions.filter((pk) => !declared.some((prefix) => pk.startsWith(prefix)))).toEqual([]);
    },
  );

  it('gives every item type an entity name no other context uses', async () => {
    const names = (
      await Promise.all(
        owners.map(async ({ file }) => {
          const mod = await load(file);
          return Object.values((mod.Entity ?? mod.PlatformEntity) as Record<string, string>);
        }),
      )
    ).flat();
    expect(names.length).toBeGreaterThan(25);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
