import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { type OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderFacetsUpdate } from '#contexts/orders/data/transitions.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { MAX_TRANSACT_ITEMS, type TransactItem } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';
import { allShipped, fulfillmentIdFor, fulfillmentStatusOf, overFulfilled } from '../domain/quantities.ts';
import type { Fulfillment, FulfillmentList, FulfillmentRequest, ShipmentRequest } from '../domain/schemas.ts';
import { OWN_ITEMS } from './partition.ts';
import { locationOutOfStock, planStock, stockWrites } from './stock.ts';
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

/**
 * The order and its fulfillments, read together (1 Query ∥ 1 Query); 404 for no order. A change reads the
 * order `forUpdate`, so an order stored before its state lived on the summary is moved first and the
 * change's facet Update finds the summary.
 */
const readBoth = async (
  deps: FulfilDeps,
  orderId: string,
  forUpdate = false,
): Promise<[Order, FulfillmentLedger]> => {
  const [order, ledger] = await Promise.all([
    forUpdate ? deps.orders.getForUpdate(orderId) : deps.orders.get(orderId),
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

/** The Update storing the order's fulfillment status as the change makes it (`after`: every fulfillment). */
export const facetOf = (table: string, order: Order, after: readonly Fulfillment[], at: string) =>
  orderFacetsUpdate(table, order.id, { fulfillmentStatus: fulfillmentStatusOf(ordered(order), after) }, at);

/** 409 `order_not_fulfillable` unless the order is paid (not being canceled, not refunded in full). */
const notFulfillable = (order: Order) => {
  if (order.status !== 'paid')
    throw new ConflictError(
      `Order ${order.id} is ${order.status}: only a paid order is fulfilled or shipped`,
      'order_not_fulfillable',
    );
};

/**
 * The facet Update of a new or shipped fulfillment, also conditional on the order still being paid: a
 * cancellation that began after the reading must not meet a fulfillment it did not see (it restocks what
 * was sold), nor a shipment (it cancels the open fulfillments; shipped units cannot be canceled).
 */
const whilePaid = ({ Update }: ReturnType<typeof orderFacetsUpdate>): TransactItem => ({
  Update: {
    ...Update,
    ConditionExpression: `${Update.ConditionExpression} AND #orderStatus = :paid`,
    ExpressionAttributeNames: { ...Update.ExpressionAttributeNames, '#orderStatus': 'status' },
    ExpressionAttributeValues: { ...Update.ExpressionAttributeValues, ':paid': 'paid' },
  },
});

/**
 * What a new fulfillment does to stock (`planStock`) and its writes, which must fit one transaction
 * beside the fulfillment's own items (else 422 `fulfillment_too_large`: nothing is written).
 */
const stockOfNew = async (
  table: string,
  order: Order,
  ledger: FulfillmentLedger,
  fulfillmentId: string,
  request: FulfillmentRequest,
  now: Date,
) => {
  const taken = ledger.fulfillments
    .filter((f) => f.fulfillment.status !== 'canceled')
    .flatMap((f) => f.moves);
  const moves = await planStock(table, order, request.locationId, request.lines, taken);
  const stock = stockWrites(table, fulfillmentId, order.id, moves, 'fulfil', now);
  if (stock.length + OWN_ITEMS > MAX_TRANSACT_ITEMS)
    throw new UnprocessableError(
      `This fulfillment needs ${stock.length} stock writes; one transaction takes ${MAX_TRANSACT_ITEMS - OWN_ITEMS}: fulfil fewer lines at a time`,
      'fulfillment_too_large',
    );
  return { moves, stock };
};

/** An order's fulfillments and where its goods are. */
export const listFulfillments = async (deps: FulfilDeps, orderId: string): Promise<FulfillmentList> => {
  const [order, ledger] = await readBoth(deps, orderId);
  const items = ledger.fulfillments.map((f) => f.fulfillment);
  return { orderId, status: fulfillmentStatusOf(ordered(order), items), items };
};

/**
 * Fulfils units of a paid order from a stock location, once per Idempotency-Key (another body with the
 * same key: 422). More units than bought and not yet in a fulfillment that is not canceled: 409. Units
 * the location sold are committed there (ledger `fulfillment` entries, no figure changes); units sold
 * elsewhere are moved (`planStock`, `stockWrites`): not enough available there, 409
 * `location_out_of_stock`; more stock writes than a transaction holds, 422 `fulfillment_too_large`.
 * The fulfillment, its stock, its event and the order's fulfillment status commit together.
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
    const [order, ledger] = await readBoth(deps, orderId, true);
    const known = ledger.fulfillments.find((f) => f.fulfillment.id === id);
    if (known) {
      if (known.fingerprint !== print)
        throw new UnprocessableError(
          'This Idempotency-Key was used for another fulfillment',
          'idempotency_key_reused',
        );
      return { fulfillment: known.fulfillment, replayed: true };
    }
    notFulfillable(order);
    const over = overFulfilled(
      ordered(order),
      ledger.fulfillments.map((f) => f.fulfillment),
      request.lines,
    );
    if (over) throw new ConflictError(over, 'fulfillment_exceeds_order');
    await knownLocation(deps.table, request.locationId);
    const { moves, stock } = await stockOfNew(deps.table, order, ledger, id, request, now);
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
    const after = [...ledger.fulfillments.map((f) => f.fulfillment), fulfillment];
    const facet = whilePaid(facetOf(deps.table, order, after, at));
    const written = await createFulfillment(
      deps.table,
      fulfillment,
      print,
      moves,
      ledger.version,
      { facet, stock },
      now,
    );
    if (written === 'written') return { fulfillment, replayed: false };
    // The levels changed since they were read: the next attempt reads them again and decides again.
    if (written === 'stock' && attempt === ATTEMPTS - 1) throw locationOutOfStock(request.locationId);
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
    const [order, ledger] = await readBoth(deps, orderId, true);
    const { fulfillment, shipmentFingerprint } = oneOf(ledger, orderId, fulfillmentId);
    if (fulfillment.status !== 'open') {
      if (fulfillment.status !== 'canceled' && shipmentFingerprint === print)
        return { fulfillment, replayed: true };
      throw new ConflictError(
        `Fulfillment ${fulfillmentId} is ${fulfillment.status}`,
        `fulfillment_${fulfillment.status}`,
      );
    }
    notFulfillable(order);
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
    // Only while paid: once a cancellation has begun, its workflow cancels the open fulfillments.
    const beside = { facet: whilePaid(facetOf(deps.table, order, after, at)) };
    if (
      (await shipFulfillment(deps.table, shipped, print, ledger.version, lastUnit, beside, now)) === 'written'
    )
      return { fulfillment: shipped, replayed: false };
  }
  throw conflict(orderId);
};

/** Every fulfillment of the order as read, with `changed` in place of its former self. */
const replaced = (ledger: FulfillmentLedger, changed: Fulfillment) =>
  ledger.fulfillments.map((f) => (f.fulfillment.id === changed.id ? changed : f.fulfillment));

/** Marks a shipped fulfillment delivered; delivered already: answered as it is. Open or canceled: 409. */
export const deliver = async (deps: FulfilDeps, orderId: string, fulfillmentId: string, now = new Date()) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId, true);
    const { fulfillment } = oneOf(ledger, orderId, fulfillmentId);
    if (fulfillment.status === 'delivered') return fulfillment;
    if (fulfillment.status !== 'shipped')
      throw new ConflictError(
        `Fulfillment ${fulfillmentId} is ${fulfillment.status}, not shipped`,
        `fulfillment_${fulfillment.status}`,
      );
    const at = now.toISOString();
    const delivered: Fulfillment = { ...fulfillment, status: 'delivered', deliveredAt: at, updatedAt: at };
    const beside = { facet: facetOf(deps.table, order, replaced(ledger, delivered), at) };
    if ((await deliverFulfillment(deps.table, fulfillment, ledger.version, beside, now)) === 'written')
      return delivered;
  }
  throw conflict(orderId);
};

/**
 * Cancels an open fulfillment (its units are to fulfil again) and undoes exactly what it did to stock,
 * once: `fulfillment_canceled` entries where its units were taken, and a transfer's figures moved back —
 * which needs the units given back to the selling location to be still available there (else 409
 * `transfer_not_reversible`, nothing written). Canceled already: as it is. Shipped: 409.
 */
export const cancel = async (deps: FulfilDeps, orderId: string, fulfillmentId: string, now = new Date()) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId, true);
    const { fulfillment, moves } = oneOf(ledger, orderId, fulfillmentId);
    if (fulfillment.status === 'canceled') return fulfillment;
    if (fulfillment.status !== 'open')
      throw new ConflictError(
        `Fulfillment ${fulfillmentId} is ${fulfillment.status}`,
        `fulfillment_${fulfillment.status}`,
      );
    const at = now.toISOString();
    const canceled: Fulfillment = { ...fulfillment, status: 'canceled', canceledAt: at, updatedAt: at };
    const beside = {
      facet: facetOf(deps.table, order, replaced(ledger, canceled), at),
      stock: stockWrites(deps.table, fulfillmentId, orderId, moves, 'reverse', now),
    };
    const written = await cancelFulfillment(deps.table, fulfillment, ledger.version, beside, now);
    if (written === 'written') return canceled;
    if (written === 'stock' && attempt === ATTEMPTS - 1)
      throw new ConflictError(
        `The units fulfillment ${fulfillmentId} gave back to the locations that sold them are sold or reserved again there; ship it, or receive stock there first`,
        'transfer_not_reversible',
      );
  }
  throw conflict(orderId);
};
