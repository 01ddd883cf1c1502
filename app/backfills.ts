import { stockAlertsV1 } from '#contexts/inventory/data/backfill.ts';
import type { Backfill } from '#platform/data/backfill.ts';

/**
 * Every backfill a deployed store may need after a change of key design, oldest first. Each is
 * idempotent and resumable (platform/data/backfill.ts); `npm run backfill` runs them (docs/deploy.md).
 */
export const backfills: readonly Backfill[] = [
  // inventory: stock-alert state moves to its own partition (docs/inventory.md, "Alerts")
  stockAlertsV1,
];
