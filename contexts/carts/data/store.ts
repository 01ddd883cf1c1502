import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { assertOpen, touched } from '../domain/changes.ts';
import type { CartRecord } from '../domain/schemas.ts';
import { cartFromItem, cartItem } from './items.ts';
import { cartKeys } from './keys.ts';

/** A change that lost to another: the cart moved on (or closed) between read and write. */
const lostUpdate = (cartId: string) =>
  new ConflictError(
    `Cart ${cartId} changed since it was read; read it again and retry`,
    'cart_version_conflict',
  );

// An open cart at exactly the version the change was computed from: no lost update, no change after checkout.
const unchangedAndOpen = (cart: CartRecord) => ({
  ConditionExpression: 'version = :seen AND #status = :open',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':seen': cart.version - 1, ':open': 'open' },
});

/** The Put that saves a changed cart (from `touched`) within a transaction, conditional like `save`. */
export const cartSaveItem = (table: string, cart: CartRecord): TransactItem => ({
  Put: { TableName: table, Item: cartItem(cart), ...unchangedAndOpen(cart) },
});

/** The Put that closes a cart as checked out into `orderId` (checkout's transaction), if unchanged and open. */
export const cartCloseItem = (table: string, cart: CartRecord, orderId: string, now: Date): TransactItem =>
  cartSaveItem(table, touched({ ...cart, status: 'checked_out', orderId }, now));

/**
 * Opens a checked-out cart again after its checkout ended unpaid (declined, expired, canceled), so the
 * shopper can pay with the same cart under a new Idempotency-Key. Only the cart that checkout closed
 * (same order, unchanged since): 1 GetItem + 1 conditional Put; false when there is nothing to reopen.
 */
export const reopenCart = async (table: string, cartId: string, orderId: string, now = new Date()) => {
  const cart = await new CartStore(table).get(cartId, now);
  if (cart?.status !== 'checked_out' || cart.orderId !== orderId) return false;
  const { orderId: _closedInto, ...rest } = cart;
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: cartItem(touched({ ...rest, status: 'open' }, now)),
        ConditionExpression: 'version = :seen AND #status = :closed AND orderId = :order',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':seen': cart.version, ':closed': 'checked_out', ':order': orderId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Reads and writes cart items; every write is conditional on the version its change was computed from. */
export class CartStore {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** A cart by id (strongly consistent: a shopper's next call sees their last change), or undefined when gone. */
  async get(cartId: string, now = new Date()): Promise<CartRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: cartKeys.cart(cartId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const cart = cartFromItem(Item);
    // TTL deletes lazily (within days): a cart past its expiry is already gone for the shopper.
    return cart.expiresAt * 1000 <= now.getTime() ? undefined : cart;
  }

  /** Writes a new cart together with items that must commit with it (its outbox event). */
  async create(cart: CartRecord, withItems: readonly TransactItem[] = []): Promise<void> {
    const put: TransactItem = {
      Put: { TableName: this.#table, Item: cartItem(cart), ConditionExpression: 'attribute_not_exists(pk)' },
    };
    const result = await transact([put, ...withItems]);
    if (!result.ok) throw new ConflictError(`Cart ${cart.id} already exists`, 'cart_exists');
  }

  /** Saves a changed cart (from `touched`: its version is one past the one read); 409 when it lost. */
  async save(cart: CartRecord): Promise<void> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: cartItem(cart),
          ...unchangedAndOpen(cart),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Say why: the cart closed (checkout, merge) or merely moved on. Only a lost write pays this read.
      const current = await this.get(cart.id);
      if (current) assertOpen(current);
      throw lostUpdate(cart.id);
    }
  }

  /** Saves several changed carts (a claim's merge) in one transaction, each conditional like `save`. */
  async saveAll(carts: readonly CartRecord[], withItems: readonly TransactItem[] = []): Promise<void> {
    const puts = carts.map((cart) => cartSaveItem(this.#table, cart));
    const result = await transact([...puts, ...withItems]);
    if (!result.ok) throw lostUpdate(carts[result.conditionFailed.findIndex(Boolean)]?.id ?? carts[0]!.id);
  }
}
