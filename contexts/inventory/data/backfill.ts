import type { Backfill } from '#platform/data/backfill.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { Entity, stockKeys } from './keys.ts';

type Item = Record<string, unknown>;

/**
 * `stock-alerts-v1`: moves each variant's alert state out of its stock partition (`STOCK#<v>` /
 * `ALERTS`, where every check used to write it) to its own key (`STOCKALERT#<v>` / `ALERTS`), in one
 * transaction: the new item is created attribute by attribute with `if_not_exists`, so a state the
 * monitor already wrote at the new key (it moves an old state itself on its first check) is kept as it
 * is, and the old item is deleted on condition that its version is still the one read. An item already
 * at the new key needs nothing. Until a variant is moved, the monitor reads its old state (no alert is
 * repeated), but carts, which read the new key, show no stock summary for it: run it with the deploy.
 */
export const stockAlertsV1: Backfill = {
  name: 'stock-alerts-v1',
  description: 'Moves stock-alert state from STOCK#<variant> / ALERTS to STOCKALERT#<variant> / ALERTS',
  entities: [Entity.stockAlerts],
  migrate: (table: string, item: Item): TransactItem[] => {
    const variantId = item.variantId;
    if (typeof variantId !== 'string') return [];
    const old = stockKeys.legacyAlerts(variantId);
    if (item.pk !== old.pk || item.sk !== old.sk) return [];
    const fields = Object.entries(item).filter(([name]) => name !== 'pk' && name !== 'sk');
    return [
      {
        Update: {
          TableName: table,
          Key: stockKeys.alerts(variantId),
          UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = if_not_exists(#f${i}, :f${i})`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(fields.map(([, value], i) => [`:f${i}`, value])),
        },
      },
      {
        Delete: {
          TableName: table,
          Key: old,
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': item.version },
        },
      },
    ];
  },
};
