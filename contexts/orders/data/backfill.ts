import type { Backfill } from '#platform/data/backfill.ts';
import { isLegacyBody } from './items.ts';
import { Entity } from './keys.ts';
import { legacyOrderMigration } from './transitions.ts';

/**
 * `orders-state-v2`: orders stored before this design keep their state (status, history, payment,
 * version) on their body, and the oldest also the index keys (gsi1 for the customer, gsi2
 * `ORDERS#status#<status>#<0..3>`, pending orders included). For each such body, one transaction writes
 * its summary (list row, state, and the index keys of this design: 16 buckets, listed statuses only) and
 * strips the body to its snapshot (`legacyOrderMigration`), so the order moves from one index entry to the
 * other at once and is never listed twice. A body without state is done: the placing, the first change
 * since this design (`getForUpdate`) or an earlier run moved it, so `migrate` answers nothing and a second
 * run writes nothing. A concurrent move cancels the pair, and the runner reads the body again.
 */
export const ordersStateV2: Backfill = {
  name: 'orders-state-v2',
  description: 'Orders: each order body stored with its state gives it (and any index keys) to its summary',
  entities: [Entity.order],
  migrate: (table, item) => (isLegacyBody(item) ? legacyOrderMigration(table, item) : []),
};
