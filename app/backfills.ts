import { cartsIdleMarkerBackfill } from '#contexts/carts/data/backfill.ts';
import { ordersSummaryV1 } from '#contexts/orders/data/backfill.ts';
import type { Backfill } from '#platform/data/backfill.ts';

/**
 * Every backfill a deployed store may need after a change of key design, oldest first. Each is
 * idempotent and resumable (platform/data/backfill.ts); `npm run backfill` runs them (docs/deploy.md).
 */
export const backfills: readonly Backfill[] = [ordersSummaryV1, cartsIdleMarkerBackfill];
