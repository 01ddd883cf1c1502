import type { Backfill } from '#platform/data/backfill.ts';
import { orderFromItem, orderSummary, summaryItem } from './items.ts';
import { Entity, orderKeys } from './keys.ts';
import { LEGACY_BODY_INDEX_KEYS } from './transitions.ts';

/**
 * `orders-summary-v1`: orders stored before the summary item existed carry the index keys on their body
 * (gsi1 for the customer, gsi2 `ORDERS#status#<status>#<0..3>`, pending orders included). For each such
 * body, one transaction writes its summary (with the keys of the current design: 16 buckets, listed
 * statuses only) and removes the keys from the body, so the order moves from one index entry to the other
 * at once and is never listed twice. A body without those keys is done: a placing or a transition since
 * this design wrote its summary, so `migrate` answers nothing and a second run writes nothing.
 *
 * Conditions, on what `migrate` read: the summary only where there is none or an older one
 * (`attribute_not_exists(pk) OR version < :v`), the body only at the version read (`version = :v`). A
 * transition meanwhile bumps the version, cancels the pair, and the runner reads the body again: without
 * its keys by then.
 */
export const ordersSummaryV1: Backfill = {
  name: 'orders-summary-v1',
  description:
    'Orders: each order body gets its summary (the list row with the index keys) and loses its keys',
  entities: [Entity.order],
  migrate: (table, item) => {
    if (!LEGACY_BODY_INDEX_KEYS.some((key) => item[key] !== undefined)) return [];
    const order = orderFromItem(item);
    const version = { '#version': 'version' };
    return [
      {
        Put: {
          TableName: table,
          Item: summaryItem(orderSummary(order), order.version),
          ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
          ExpressionAttributeNames: version,
          ExpressionAttributeValues: { ':version': order.version },
        },
      },
      {
        Update: {
          TableName: table,
          Key: orderKeys.order(order.id),
          UpdateExpression: `REMOVE ${LEGACY_BODY_INDEX_KEYS.join(', ')}`,
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: version,
          ExpressionAttributeValues: { ':version': order.version },
        },
      },
    ];
  },
};
