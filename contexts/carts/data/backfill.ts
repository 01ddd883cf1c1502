import type { Backfill } from '#platform/data/backfill.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { cartFromItem, idleMarkerItem } from './items.ts';
import { cartKeys, Entity } from './keys.ts';

type Item = Record<string, unknown>;

/**
 * Brings carts stored before idle markers to the current design: a cart carrying its own idle-index keys
 * (gsi2 `CARTS#idle#<bucket>` / `<updatedAt>#<cartId>`) gets its marker, at that same place in time so
 * its idle spell keeps counting, and loses the keys; an open customer cart's gsi1 entry is re-keyed by
 * creation. The cart's update is conditional on the version and index keys read (a shopper's change or
 * a report meanwhile cancels it, and the runner reads the cart again); a migrated cart answers no writes.
 *
 * The marker is put whatever is there: a cart with old keys has no marker of its own spell that is later
 * than its last change (only a version of the code from before markers writes those keys), so putting it
 * never moves a marker back, and a leftover one (a rolling deploy) cannot make the run fail.
 */
const migrate = (table: string, item: Item): TransactItem[] => {
  const cart = cartFromItem(item);
  const oldIdle = typeof item.gsi2sk === 'string' ? item.gsi2sk : undefined;
  const gsi1 =
    cart.status === 'open' && cart.customerId
      ? cartKeys.customerOpen(cart.customerId, cart.createdAt, cart.id).gsi1sk
      : undefined;
  const oldGsi1 = gsi1 !== undefined && item.gsi1sk !== gsi1 ? item.gsi1sk : undefined;
  if (oldIdle === undefined && oldGsi1 === undefined) return [];

  const set = [
    ...(oldIdle === undefined ? [] : ['armedAt = :armed']),
    ...(oldGsi1 === undefined ? [] : ['gsi1sk = :gsi1sk']),
  ];
  const update: TransactItem = {
    Update: {
      TableName: table,
      Key: cartKeys.cart(cart.id),
      UpdateExpression: `SET ${set.join(', ')}${oldIdle === undefined ? '' : ' REMOVE gsi2pk, gsi2sk'}`,
      ConditionExpression: [
        'version = :v',
        ...(oldIdle === undefined ? [] : ['gsi2sk = :oldIdle']),
        ...(oldGsi1 === undefined ? [] : ['gsi1sk = :oldGsi1']),
      ].join(' AND '),
      ExpressionAttributeValues: {
        ':v': cart.version,
        ...(oldIdle === undefined ? {} : { ':armed': cart.updatedAt, ':oldIdle': oldIdle }),
        ...(oldGsi1 === undefined ? {} : { ':gsi1sk': gsi1, ':oldGsi1': oldGsi1 }),
      },
    },
  };
  if (oldIdle === undefined) return [update];
  return [update, { Put: { TableName: table, Item: idleMarkerItem({ ...cart, armedAt: cart.updatedAt }) } }];
};

/** `carts-idle-marker-v1`: idle-index keys move from cart items to their markers; gsi1 by creation. */
export const cartsIdleMarkerBackfill: Backfill = {
  name: 'carts-idle-marker-v1',
  description:
    'Carts: idle-index keys move from the cart item to its idle marker (CART_IDLE); customer carts sorted by creation in gsi1',
  entities: [Entity.cart],
  migrate,
};
