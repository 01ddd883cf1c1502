import { type CartRecord, cartRecord } from '../domain/schemas.ts';
import { cartKeys, Entity } from './keys.ts';

type Item = Record<string, unknown>;

/** A small stable number from a cart id: which idle-index partition its marker sits in. */
export const bucketOf = (cartId: string): number =>
  Number.parseInt(cartId.slice(0, 4), 16) % cartKeys.buckets;

/**
 * The cart item. Only gsi1 follows the state: an open customer cart is in the customer's list (claim
 * merges into one of them), keyed by its creation so an edit never moves it. The cart carries no idle-index
 * keys: its idle marker does (`idleMarkerItem`), so an edit writes nothing to that index.
 */
export const cartItem = (cart: CartRecord): Item => ({
  ...cartKeys.cart(cart.id),
  ...(cart.status === 'open' && cart.customerId
    ? cartKeys.customerOpen(cart.customerId, cart.createdAt, cart.id)
    : {}),
  entity: Entity.cart,
  ...cart,
});

/** The cart an item holds (index keys and the entity tag dropped). */
export const cartFromItem = (item: Item): CartRecord => cartRecord.parse(item);

/**
 * The idle marker of an armed cart (`armedAt` set): in the idle index at the time it was armed, and
 * living as long as the cart did then (the sweep refreshes both when it re-arms it; TTL removes it).
 */
export const idleMarkerItem = (cart: CartRecord): Item => ({
  ...cartKeys.idleMarker(cart.id),
  ...cartKeys.idle(bucketOf(cart.id), cart.armedAt ?? cart.updatedAt, cart.id),
  entity: Entity.idleMarker,
  cartId: cart.id,
  expiresAt: cart.expiresAt,
});

/** An entry of the idle index as the sweep reads it. */
export interface IdleEntry {
  readonly cartId: string;
  /** Its sort key as read: a re-arm is conditional on it (a shopper may have moved the marker since). */
  readonly sk: string;
}

/**
 * The entry an idle-index item stands for: a marker, or a cart item stored before markers, which still
 * carries its own idle keys until it is next saved or backfilled (contexts/carts/data/backfill.ts).
 */
export const idleEntryFromItem = (item: Item): IdleEntry => ({
  cartId: String(item.entity === Entity.cart ? item.id : item.cartId),
  sk: String(item.gsi2sk),
});
