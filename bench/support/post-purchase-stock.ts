// The post-purchase bench's stock reconciliation: per variant, what was stocked, sold, put back by returns
// and by cancellations must add up to what is on hand, over every location, with nothing left reserved.
import type { Check } from './flash-sale.ts';
import type { Catalog } from './post-purchase-catalog.ts';
import type { Journey, Units } from './post-purchase-journey.ts';
import { admin, type Shop } from './shop.ts';

interface Level {
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
}

interface Stock {
  onHand: number;
  reserved: number;
  available: number;
  levels: Level[];
}

const check = (name: string, expected: number, seen: number): Check => ({
  check: name,
  expected: String(expected),
  seen: String(seen),
  passed: expected === seen,
});

const unitsOf = (variantId: string, units: readonly Units[]) =>
  units.filter((u) => u.variantId === variantId).reduce((n, u) => n + u.quantity, 0);

/** Polls the admin stock view until it shows `onHand` and nothing reserved (its summary is stream-fed). */
const settled = async (shop: Shop, variantId: string, onHand: number) => {
  const deadline = performance.now() + 60_000;
  for (;;) {
    const stock = (await admin(shop, 'GET', `/admin/inventory/${variantId}`)) as unknown as Stock;
    if ((stock.onHand === onHand && stock.reserved === 0) || performance.now() > deadline) return stock;
    await new Promise((r) => setTimeout(r, 250));
  }
};

const sum = (levels: readonly Level[], field: 'onHand' | 'reserved' | 'available') =>
  levels.reduce((n, l) => n + l[field], 0);

/** Per variant: the checks, and a row of what moved (printed as a table). */
export const stockReconciliation = async (shop: Shop, catalog: Catalog, journeys: readonly Journey[]) => {
  const checks: Check[] = [];
  const rows: Record<string, string | number>[] = [];
  for (const variantId of catalog.variantIds) {
    const sold = unitsOf(
      variantId,
      journeys.flatMap((j) => j.lines),
    );
    const restocked = unitsOf(
      variantId,
      journeys.filter((j) => j.kind === 'returned').flatMap((j) => j.restocked),
    );
    const uncanceled = unitsOf(
      variantId,
      journeys.filter((j) => j.kind === 'canceled').flatMap((j) => j.restocked),
    );
    const expected = catalog.stocked - sold + restocked + uncanceled;
    const seen = await settled(shop, variantId, expected);
    const v = variantId.slice(-8);
    const mismatched = seen.levels.filter((l) => l.available !== l.onHand - l.reserved).length;
    checks.push(
      check(
        `stock ${v}: onHand = stocked − sold + restocked by returns + back from cancels`,
        expected,
        seen.onHand,
      ),
      check(`stock ${v}: reserved`, 0, seen.reserved),
      check(`stock ${v}: onHand = Σ locations' onHand`, sum(seen.levels, 'onHand'), seen.onHand),
      check(`stock ${v}: reserved = Σ locations' reserved`, sum(seen.levels, 'reserved'), seen.reserved),
      check(`stock ${v}: available = Σ locations' available`, sum(seen.levels, 'available'), seen.available),
      check(`stock ${v}: available = onHand − reserved`, seen.onHand - seen.reserved, seen.available),
      check(`stock ${v}: locations where available ≠ onHand − reserved`, 0, mismatched),
    );
    rows.push({
      variant: v,
      stocked: catalog.stocked,
      sold,
      'restocked (returns)': restocked,
      'back (cancels)': uncanceled,
      'expected onHand': expected,
      onHand: seen.onHand,
      reserved: seen.reserved,
      available: seen.available,
      'per location (onHand/reserved)': seen.levels
        .map((l) => `${l.locationId.slice(-1)} ${l.onHand}/${l.reserved}`)
        .join(' · '),
    });
  }
  return { checks, rows };
};
