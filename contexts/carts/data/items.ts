import { type CartRecord, cartRecord } from '../domain/schemas.ts';
import { cartKeys, Entity } from './keys.ts';

type Item = Record<string, unknown>;

/** A small stable number from a cart id: which idle-index partition the cart sits in. */
const bucketOf = (cartId: string): number => Number.parseInt(cartId.slice(0, 4), 16) % cartKeys.buckets;

/**
 * The cart item. Index keys follow the state: an open customer cart is in the customer's gsi1 list
 * (claim merges into one), keyed by its creation so an edit never moves it; an open cart with an e-mail
 * that has not been reported abandoned is in the gsi2 idle index, sorted by its last change, which is
 * what the abandoned-cart sweep reads.
 */
export const cartItem = (cart: CartRecord): Item => ({
  ...cartKeys.cart(cart.id),
  ...(cart.status === 'open' && cart.customerId
    ? cartKeys.customerOpen(cart.customerId, cart.createdAt, cart.id)
    : {}),
  ...(cart.status === 'open' && cart.email && !cart.abandonedAt
    ? cartKeys.idle(bucketOf(cart.id), cart.updatedAt, cart.id)
    : {}),
  entity: Entity.cart,
  ...cart,
});

/** The cart an item holds (index keys and the entity tag dropped). */
export const cartFromItem = (item: Item): CartRecord => cartRecord.parse(item);
