import { cartsIdleMarkerBackfill } from '#contexts/carts/data/backfill.ts';
import { stockAlertsV1 } from '#contexts/inventory/data/backfill.ts';
import { ordersPaymentStatusV1, ordersStateV2 } from '#contexts/orders/data/backfill.ts';
import type { Backfill } from '#platform/data/backfill.ts';

/**
 * Every backfill a deployed store may need after a change of key design, oldest first. Each is
 * idempotent and resumable (platform/data/backfill.ts); `npm run backfill` runs them (docs/deploy.md).
 */
export const backfills: readonly Backfill[] = [
  // orders: the list row moves to a small summary item; pending orders leave the status index
  ordersStateV2,
  // carts: the idle index moves to a marker written once per idle spell (docs/cart.md)
  cartsIdleMarkerBackfill,
  // inventory: stock-alert state moves to its own partition (docs/inventory.md, "Alerts")
  stockAlertsV1,
  // orders: the summary stores the payment status the admin list filters by (after orders-state-v2)
  ordersPaymentStatusV1,
];
