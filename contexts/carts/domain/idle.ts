import type { CartRecord } from './schemas.ts';

/*
 * When a cart can be reported abandoned, and what the abandoned-cart sweep does with an idle marker.
 * A marker is written once per idle spell, by the save that makes the cart abandonable; later edits
 * leave it alone, and the sweep, reading it once its time passes the cutoff, decides from the cart.
 */

/** An open cart with an e-mail that has not been reported in its current idle spell. */
export const abandonable = (cart: CartRecord): boolean =>
  cart.status === 'open' && cart.email !== undefined && cart.abandonedAt === undefined;

/** True when saving this cart must write its idle marker: abandonable, and no marker armed for this spell. */
export const needsIdleMarker = (cart: CartRecord): boolean => abandonable(cart) && cart.armedAt === undefined;

/** The cart as saved with a new marker: armed at the time of the change that armed it. */
export const armed = (cart: CartRecord): CartRecord => ({ ...cart, armedAt: cart.updatedAt });

/**
 * What the sweep does with a marker older than `cutoff`, given the cart now (undefined when gone or
 * expired): `report` a cart left unchanged since before the cutoff; `rearm` (move the marker to its last
 * change) one changed since; `leave` the marker to its TTL when the cart cannot be reported any more.
 */
export type IdleVerdict = 'report' | 'rearm' | 'leave';

export const idleVerdict = (cart: CartRecord | undefined, cutoff: string): IdleVerdict => {
  if (!cart || !abandonable(cart)) return 'leave';
  return cart.updatedAt < cutoff ? 'report' : 'rearm';
};
