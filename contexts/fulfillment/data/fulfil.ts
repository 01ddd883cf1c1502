import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { type OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';
import { allShipped, fulfillmentIdFor, fulfillmentStatusOf, overFulfilled } from '../domain/quantities.ts';
import type { Fulfillment, FulfillmentList, FulfillmentRequest, ShipmentRequest } from '../domain/schemas.ts';
import {
  cancelFulfillment,
  createFulfillment,
  deliverFulfillment,
  type FulfillmentLedger,
  readFulfillments,
  shipFulfillment,
} from './store.ts';

/** What fulfilling needs: the table and the orders. */
export interface FulfilDeps {
  readonly table: string;
  readonly orders: OrderRepository;
}

/** Attempts at a change when another change of the same order's fulfillments commits in between. */
const ATTEMPTS = 3;

const ordered = (order: Order) => order.lines.map((l) => ({ id: l.id, quantity: l.quantity }));

/** The order and its fulfillments, read together (1 Query ∥ 1 Query); 404 for no order. */
const readBoth = async (deps: FulfilDeps, orderId: string): Promise<[Order, FulfillmentLedger]> => {
  const [order, ledger] = await Promise.all([
    deps.orders.get(orderId),
    readFulfillments(deps.table, orderId),
  ]);
  if (!order) throw orderNotFound(orderId);
  return [order, ledger];
};

const conflict = (orderId: string) =>
  new ConflictError(
    `Other changes of order ${orderId}'s fulfillments kept committing first; try again`,
    'fulfillment_conflict',
  );

/** An order's fulfillments and where its goods are. */
export const listFulfillments = async (deps: FulfilDeps, orderId: string): Promise<FulfillmentList> => {
  const [order, ledger] = await readBoth(deps, orderId);
  const items = ledger.fulfillments.map((f) => f.fulfillment);
  return { orderId, status: fulfillmentStatusOf(ordered(order), items), items };
};

/**
 * Fulfils units of a paid order from a stock location, once per Idempotency-Key (another body with the
 * same key: 422). More units than bought and not yet in a fulfillment that is not canceled: 409. The
 * stock left the location's shelves when the payment committed it (the ledger's `sale` entry); the
 * fulfillment records which units leave from where.
 */
export const fulfil = async (
  deps: FulfilDeps,
  orderId: string,
  idempotencyKey: string,
  request: FulfillmentRequest,
  now = new Date(),
): Promise<{ readonly fulfillment: Fulfillment; readonly replayed: boolean }> => {
  const id = fulfillmentIdFor(orderId, idempotencyKey);
  const print = requestFingerprint(request);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId);
    const known = ledger.fulfillments.find((f) => f.fulfillment.id === id);
    if (known) {
      if (known.fingerprint !== print)
        throw new UnprocessableError(
          'This Idempotency-Key was used for another fulfillment',
          'idempotency_key_reused',
        );
      return { fulfillment: known.fulfillment, replayed: true };
    }
    if (order.status !== 'paid')
      throw new ConflictError(
        `Order ${orderId} is ${order.status}: only a paid order is fulfilled`,
        'order_not_fulfillable',
      );
    const over = overFulfilled(
      ordered(order),
      ledger.fulfillments.map((f) => f.fulfillment),
      request.lines,
    );
    if (over) throw new ConflictError(over, 'fulfillment_exceeds_order');
    await knownLocation(deps.table, request.locationId);
    const at = now.toISOString();
    const fulfillment: Fulfillment = {
      id,
      orderId,
      locationId: request.locationId,
      lines: request.lines,
      status: 'open',
      shipment: null,
      createdAt: at,
      updatedAt: at,
      deliveredAt: null,
      canceledAt: null,
    };
    if ((await createFulfillment(deps.table, fulfillment, print, ledger.version, now)) === 'written')
      return { fulfillment, replayed: false };
  }
  throw conflict(orderId);
};

/** A location in the body that does not exist is bad input (422), not a missing resource. */
export const knownLocation = async (table: string, locationId: string) => {
  try {
    await new LocationRepository(table).get(locationId);
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new UnprocessableError(`No stock location ${locationId}`, 'unknown_location');
    throw error;
  }
};

/** One fulfillment of an order as read, or 404 `fulfillment_not_found`. */
const oneOf = (ledger: FulfillmentLedger, orderId: string, fulfillmentId: string) => {
  const found = ledger.fulfillments.find((f) => f.fulfillment.id === fulfillmentId);
  if (!found)
    throw new NotFoundError(`Order ${orderId} has no fulfillment ${fulfillmentId}`, 'fulfillment_not_found');
  return found;
};

/**
 * Ships an open fulfillment with its carrier and tracking (`ShipmentCreated`; `OrderFulfilled` when it
 * ships the order's last unit). The same shipment again answers the fulfillment as it is; another shipment
 * of a shipped fulfillment is 409, as is shipping a canceled one.
 */
export const ship = async (
  deps: FulfilDeps,
  orderId: string,
  fulfillmentId: string,
  request: ShipmentRequest,
  now = new Date(),
): Promise<{ readonly fulfillment: Fulfillment; readonly replayed: boolean }> => {
  const print = requestFingerprint(request);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId);
    const { fulfillment, shipmentFingerprint } = oneOf(ledger, orderId, fulfillmentId);
    if (fulfillment.status !== 'open') {
      if (fulfillment.status !== 'canceled' && shipmentFingerprint === print)
        return { fulfillment, replayed: true };
      throw new ConflictError(
        `Fulfillment ${fulfillmentId} is ${fulfillment.status}`,
        `fulfillment_${fulfillment.status}`,
      );
    }
    const at = now.toISOString();
    const shipped: Fulfillment = {
      ...fulfillment,
      status: 'shipped',
      shipment: { ...request, trackingUrl: request.trackingUrl ?? null, shippedAt: at },
      updatedAt: at,
    };
    const after = ledger.fulfillments.map((f) =>
      f.fulfillment.id === fulfillmentId ? shipped : f.fulfillment,
    );
    const lastUnit = ledger.fulfilledAt === null && allShipped(ordered(order), after);
    if ((await shipFulfillment(deps.table, shipped, print, ledger.version, lastUnit, now)) === 'written')
      return { fulfillment: shipped, replayed: false };
  }
  throw conflict(orderId);
};

/** Marks a shipped fulfillment delivered; delivered already: answered as it is. Open or canceled: 409. */
export const deliver = async (deps: FulfilDeps, orderId: string, fulfillmentId: string, now = new Date()) => {
  const ledger = await readFulfillments(deps.table, orderId);
  const { fulfillment } = oneOf(ledger, orderId, fulfillmentId);
  if (fulfillment.status === 'delivered') return fulfillment;
  if (fulfillment.status !== 'shipped')
    throw new ConflictError(
      `Fulfillment ${fulfillmentId} is ${fulfillment.status}, not shipped`,
      `fulfillment_${fulfillment.status}`,
    );
  const at = now.toISOString();
  const delivered: Fulfillment = { ...fulfillment, status: 'delivered', deliveredAt: at, updatedAt: at };
  if ((await deliverFulfillment(deps.table, fulfillment, now)) === 'written') return delivered;
  return oneOf(await readFulfillments(deps.table, orderId), orderId, fulfillmentId).fulfillment;
};

/** Cancels an open fulfillment (its units are to fulfil again); canceled already: as it is. Shipped: 409. */
export const cancel = async (deps: FulfilDeps, orderId: string, fulfillmentId: string, now = new Date()) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ledger = await readFulfillments(deps.table, orderId);
    const { fulfillment } = oneOf(ledger, orderId, fulfillmentId);
    if (fulfillment.status === 'canceled') return fulfillment;
    if (fulfillment.status !== 'open')
      throw new ConflictError(
        `Fulfillment ${fulfillmentId} is ${fulfillment.status}`,
        `fulfillment_${fulfillment.status}`,
      );
    const at = now.toISOString();
    if ((await cancelFulfillment(deps.table, fulfillment, ledger.version, now)) === 'written')
      return { ...fulfillment, status: 'canceled' as const, canceledAt: at, updatedAt: at };
  }
  throw conflict(orderId);
};
