import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { eventCarrier } from '#platform/events/outbox.ts';
import { assertOpen, touched } from '../domain/changes.ts';
import { abandonable, armed, needsIdleMarker } from '../domain/idle.ts';
import type { CartRecord } from '../domain/schemas.ts';
import { cartFromItem, cartItem, idleMarkerItem } from './items.ts';
import { cartKeys } from './keys.ts';

/** A change that lost to another: the cart moved on (or closed) between read and write. */
const lostUpdate = (cartId: string) =>
  new ConflictError(
    `Cart ${cartId} changed since it was read; read it again and retry`,
    'cart_version_conflict',
  );

const markerPut = (table: string, cart: CartRecord): TransactItem => ({
  Put: { TableName: table, Item: idleMarkerItem(cart) },
});

/**
 * The writes that save a changed cart (from `touched`): its Put, conditional on the version the change
 * was computed from and on the cart being open (no lost update, no change after checkout). A save that
 * makes the cart abandonable arms it: the idle marker goes in the same transaction, once per idle spell.
 * A save that keeps an armed cart abandonable also requires it still unreported: a report (which leaves
 * the version) landing between read and write would otherwise be undone with no marker left to re-arm.
 */
const saveWrites = (table: string, cart: CartRecord): TransactItem[] => {
  const arming = needsIdleMarker(cart);
  const saved = arming ? armed(cart) : cart;
  const unreported = !arming && abandonable(cart) ? ' AND attribute_not_exists(abandonedAt)' : '';
  const put: TransactItem = {
    Put: {
      TableName: table,
      Item: cartItem(saved),
      ConditionExpression: `version = :seen AND #status = :open${unreported}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':seen': cart.version - 1, ':open': 'open' },
    },
  };
  return arming ? [put, markerPut(table, saved)] : [put];
};

/** Sends a cart's writes: one conditional Put, or a transaction when its marker goes too. False when refused. */
const send = async (items: TransactItem[]): Promise<boolean> => {
  if (items.length > 1) return (await transact(items)).ok;
  try {
    await documentClient().send(new PutCommand(items[0]!.Put!));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * The Put that closes a cart as checked out into `orderId` (checkout's transaction), if unchanged and
 * open. Its idle marker stays: the sweep, finding the cart closed, leaves it to its TTL (docs/cart.md).
 */
export const cartCloseItem = (table: string, cart: CartRecord, orderId: string, now: Date): TransactItem =>
  saveWrites(table, touched({ ...cart, status: 'checked_out', orderId }, now))[0]!;

/**
 * Opens a checked-out cart again after its checkout ended unpaid (declined, expired, canceled), so the
 * shopper can pay with the same cart under a new Idempotency-Key. Only the cart that checkout closed
 * (same order, unchanged since): 1 GetItem + 1 conditional Put (a transaction with its new idle marker
 * when it has an e-mail); false when there is nothing to reopen.
 */
export const reopenCart = async (table: string, cartId: string, orderId: string, now = new Date()) => {
  const cart = await new CartStore(table).get(cartId, now);
  if (cart?.status !== 'checked_out' || cart.orderId !== orderId) return false;
  // While it was closed the sweep may have passed its marker: open again, it starts a new idle spell.
  const { orderId: _closedInto, armedAt: _passed, ...rest } = cart;
  const opened = touched({ ...rest, status: 'open' }, now);
  const saved = needsIdleMarker(opened) ? armed(opened) : opened;
  const put: TransactItem = {
    Put: {
      TableName: table,
      Item: cartItem(saved),
      ConditionExpression: 'version = :seen AND #status = :closed AND orderId = :order',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':seen': cart.version, ':closed': 'checked_out', ':order': orderId },
    },
  };
  return send(saved === opened ? [put] : [put, markerPut(table, saved)]);
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

  /** Writes a new cart (armed when it has an e-mail) together with items that must commit with it. */
  async create(cart: CartRecord, withItems: readonly TransactItem[] = []): Promise<void> {
    const saved = needsIdleMarker(cart) ? armed(cart) : cart;
    // A new cart, rewritten whole by every save (so the events do not stay): it carries `CartCreated`.
    const put: TransactItem = eventCarrier({
      Put: { TableName: this.#table, Item: cartItem(saved), ConditionExpression: 'attribute_not_exists(pk)' },
    });
    const marker = saved === cart ? [] : [markerPut(this.#table, saved)];
    const result = await transact([put, ...marker, ...withItems]);
    if (!result.ok) throw new ConflictError(`Cart ${cart.id} already exists`, 'cart_exists');
  }

  /** Saves a changed cart (from `touched`: its version is one past the one read); 409 when it lost. */
  async save(cart: CartRecord): Promise<void> {
    if (await send(saveWrites(this.#table, cart))) return;
    // Say why: the cart closed (checkout, merge) or merely moved on. Only a lost write pays this read.
    const current = await this.get(cart.id, new Date(cart.updatedAt));
    if (current) assertOpen(current);
    // Reported abandoned since it was read (a report leaves the version): the change still holds, and
    // saving it starts a new idle spell, so this time it arms a new marker.
    if (current?.version === cart.version - 1 && current.abandonedAt && cart.armedAt) {
      const { armedAt: _spent, ...unarmed } = cart;
      if (await send(saveWrites(this.#table, unarmed))) return;
    }
    throw lostUpdate(cart.id);
  }

  /** Saves several changed carts (a claim's merge) in one transaction, each conditional like `save`. */
  async saveAll(carts: readonly CartRecord[], withItems: readonly TransactItem[] = []): Promise<void> {
    const writes = carts.map((cart) => saveWrites(this.#table, cart));
    // The carts' Puts first, so a failed condition's index names its cart; markers have no condition.
    const items = [...writes.map((w) => w[0]!), ...writes.flatMap((w) => w.slice(1)), ...withItems];
    const result = await transact(items);
    if (!result.ok) throw lostUpdate(carts[result.conditionFailed.findIndex(Boolean)]?.id ?? carts[0]!.id);
  }
}
