import type { CartService, PricedCart } from '#contexts/carts/data/cart-service.ts';
import { cartCloseItem } from '#contexts/carts/data/store.ts';
import type { CartCaller } from '#contexts/carts/domain/cart-caller.ts';
import { CARTS_SOURCE } from '#contexts/carts/events.ts';
import type { Companion, ReservationService } from '#contexts/inventory/data/reserve.ts';
import { MAX_ALLOCATIONS } from '#contexts/inventory/domain/schemas.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import { pendingOrderAddItems } from '#contexts/orders/data/pending-orders.ts';
import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderFromCart } from '#contexts/orders/domain/from-cart.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { hashOrderToken } from '#contexts/orders/domain/token.ts';
import { CHANNEL_EVENTS_VERSION, checkoutStarted, ORDERS_SOURCE } from '#contexts/orders/events.ts';
import { assertPayable } from '#contexts/payments/domain/charge-limits.ts';
import { consumeFailure, consumeUsageItems, usageRefs } from '#contexts/pricing/data/promotion-usage.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import {
  assertUnitsWithinLimit,
  MAX_PENDING_ORDERS_PER_EMAIL,
  tooManyPendingOrders,
} from '../domain/hold-limits.ts';
import { guestOrderToken } from '../domain/ids.ts';
import { checkoutInput, refusalOf } from './inputs.ts';

/**
 * What undoes the placing when it fails: a failure may have committed (the transaction went through,
 * its answer was lost), so the checkout starts the order's payment saga anyway, named apart; it owns
 * the order from then on and releases it at its timeout, or ends with nothing to do. A refusal is an
 * answer, not a failure: nothing was written, nothing is undone.
 */
export const compensatedBy = 'EnsurePaymentSaga';

/** The stock hold outlasts the payment wait, so the saga always settles the stock before the sweep could. */
const HOLD_MARGIN_SECONDS = 10 * 60;

/** How long the placing holds the stock, from the payment saga's wait. */
export const holdSecondsFor = (paymentTimeoutSeconds: number): number =>
  paymentTimeoutSeconds + HOLD_MARGIN_SECONDS;

/** A checkout request: the cart, who asks, and the order it places (`orderIdFor` the Idempotency-Key). */
export interface PlaceRequest {
  readonly cartId: string;
  readonly caller: CartCaller;
  /** Derived from the cart and the Idempotency-Key once, by the route: a retry names the same order. */
  readonly orderId: string;
  /** The signed-in customer's e-mail (from their token), for a customer cart without one. */
  readonly customerEmail?: string;
}

/** A placed order: `pending_payment`, its stock held. `replayed` when an earlier call placed it. */
export interface Placed {
  readonly order: Order;
  /** For a guest: the token that opens the order (`X-Order-Token`); null for a customer's order. */
  readonly orderToken: string | null;
  readonly replayed: boolean;
  /** Lines whose price changed since they were added: the order is at the current price, and says so. */
  readonly priceChanges: ReadonlyArray<{ variantId: string; previousUnitPrice: number; unitPrice: number }>;
}

/** Raised inside the transaction's refusal when the order exists: a concurrent retry placed it first. */
class AlreadyPlaced extends Error {}

export interface PlacerDeps {
  readonly table: string;
  readonly carts: CartService;
  readonly orders: OrderRepository;
  readonly reservations: ReservationService;
  /** Signs guest order tokens (a generated secret). */
  readonly tokenSecret: string;
  /** How long the stock is held: the payment wait plus a margin, so the saga settles it first. */
  readonly holdSeconds: number;
  /**
   * A customer's e-mail from their profile, for a customer cart without one (access tokens carry no
   * e-mail); read in parallel with the cart, so it adds no round trip.
   */
  readonly profileEmail?: (customerId: string) => Promise<string | null | undefined>;
}

/**
 * The placing step of checkout: reprices the cart from current data, then in ONE transaction holds the
 * stock, creates the order (`pending_payment`), redeems the promotions, closes the cart and writes
 * `CheckoutStarted` and `CartCheckedOut` — all or nothing. A retry with the same key answers the same
 * order; another key for a closed cart is 409; stock short is 409 `out_of_stock`; a promotion used up
 * meanwhile is 422 `promotion_exhausted`; more than MAX_UNITS_PER_VARIANT of a variant is 422
 * `too_many_units`; an e-mail with MAX_PENDING_ORDERS_PER_EMAIL unpaid orders is 409
 * `too_many_pending_orders`; a total Stripe cannot charge is 422 `amount_too_small` /
 * `amount_too_large` (a total of 0 is placed: it needs no payment).
 */
export const placeOrder = async (deps: PlacerDeps, req: PlaceRequest, now = new Date()): Promise<Placed> => {
  const { orderId } = req;
  const customerId = req.caller.customerId;
  const [priced, existing, profileEmail] = await Promise.all([
    deps.carts.read(req.cartId, req.caller, now),
    deps.orders.get(orderId),
    customerId && !req.customerEmail ? deps.profileEmail?.(customerId) : undefined,
  ]);
  const customerEmail = req.customerEmail ?? profileEmail ?? undefined;
  if (existing) return answer(deps, existing, priced, true);
  // Every line's stock is held in one transaction, which fits MAX_ALLOCATIONS of them.
  if (priced.record.lines.length > MAX_ALLOCATIONS)
    throw new UnprocessableError(
      `A checkout takes at most ${MAX_ALLOCATIONS} lines; this cart has ${priced.record.lines.length}`,
      'too_many_lines',
    );
  assertUnitsWithinLimit(priced.record.lines);
  const token = priced.record.customerId ? null : guestOrderToken(deps.tokenSecret, orderId);
  const option = priced.snapshot.shippingOption;
  const promotions = redeemed(priced);
  const order = orderFromCart(
    priced.cart,
    {
      orderId,
      reservationId: orderId,
      shippingName: option?.name ?? '',
      promotionUsage: usageRefs(promotions, priced.record.customerId),
      ...(token ? { tokenHash: hashOrderToken(token) } : {}),
      ...(customerEmail ? { customerEmail } : {}),
    },
    now,
  );
  // A total Stripe would refuse must be refused here, before the stock is held, not after the order exists.
  assertPayable(order.totals.grandTotal, order.currency);
  try {
    await deps.reservations.reserve(
      {
        reservationId: order.reservationId,
        ref: `order:${order.id}`,
        lines: priced.record.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        holdSeconds: deps.holdSeconds,
        // Only the channel's locations sell to it; its locations come with the cart (no extra read).
        ...(priced.channel.stockLocationIds ? { locationIds: priced.channel.stockLocationIds } : {}),
      },
      () => now,
      companion(deps.table, order, priced, promotions, now),
    );
  } catch (error) {
    if (!(error instanceof AlreadyPlaced)) throw error;
    const placed = await deps.orders.get(orderId);
    if (!placed) throw error;
    return answer(deps, placed, priced, true);
  }
  return answer(deps, order, priced, false);
};

const answer = (deps: PlacerDeps, order: Order, priced: PricedCart, replayed: boolean): Placed => ({
  order,
  orderToken: order.customerId ? null : guestOrderToken(deps.tokenSecret, order.id),
  replayed,
  priceChanges: priced.cart.lines.flatMap((l) =>
    l.flags.includes('price_changed') && l.previousUnitPrice !== undefined && l.unitPrice !== null
      ? [{ variantId: l.variantId, previousUnitPrice: l.previousUnitPrice, unitPrice: l.unitPrice }]
      : [],
  ),
});

/** The promotions the priced cart redeems: those its totals applied. */
const redeemed = (priced: PricedCart): Promotion[] => {
  const applied = new Set(priced.totals.promotions.applied.map((p) => p.promotionId));
  return priced.snapshot.promotions.filter((p) => applied.has(p.id));
};

/** What commits with the stock: the order, promotion usage, the cart closing, and the two events. */
const companion = (
  table: string,
  order: Order,
  priced: PricedCart,
  promotions: readonly Promotion[],
  now: Date,
): Companion => {
  const customerId = priced.record.customerId;
  const usage = consumeUsageItems(table, promotions, customerId);
  const cart = priced.record;
  // Closed exactly as priced: a change since the read (another tab, a merge) voids the checkout.
  const close = cartCloseItem(table, cart, order.id, now);
  const events = [
    outboxItem(ORDERS_SOURCE, 'CheckoutStarted', checkoutStarted(order), now, CHANNEL_EVENTS_VERSION),
    outboxItem(CARTS_SOURCE, 'CartCheckedOut', { cartId: cart.id, orderId: order.id, customerId }, now),
  ].map((Item): TransactItem => ({ Put: { TableName: table, Item } }));
  // The order's body and summary, both conditional on being new.
  const create = orderCreateItems(table, order);
  // Last, so the indexes of the items before it (which `consumeFailure` counts on) stay as they were.
  const pending = pendingOrderAddItems(table, order, MAX_PENDING_ORDERS_PER_EMAIL);
  return {
    items: () => [...create, ...usage, close, ...events, ...pending],
    refused: (failed) => {
      if (create.some((_, i) => failed[i])) return new AlreadyPlaced();
      if (pending.length > 0 && failed[failed.length - 1]) return tooManyPendingOrders();
      const exhausted = consumeFailure({ conditionFailed: failed }, promotions, customerId, create.length);
      if (exhausted) return exhausted;
      return new ConflictError(
        `Cart ${cart.id} changed during checkout; read it again`,
        'cart_version_conflict',
      );
    },
  };
};

/**
 * The `PlaceOrder` state (checkout step 1): places the order for the workflow's input and answers what
 * the `Placed` state reads. Business refusals (and input out of bounds) are its answer; anything else
 * fails the step.
 */
export const placeOrderStep = async (deps: PlacerDeps, event: unknown) => {
  try {
    // Inside the try: input out of bounds is a refusal (nothing written), not a failure whose Catch
    // would start a saga for an order that was never placed.
    const input = parseInput(checkoutInput, event, 'checkout');
    const placed = await placeOrder(deps, {
      cartId: input.cartId,
      caller: input.caller,
      orderId: input.orderId,
      ...(input.customerEmail ? { customerEmail: input.customerEmail } : {}),
    });
    return {
      orderId: placed.order.id,
      orderToken: placed.orderToken,
      replayed: placed.replayed,
      priceChanges: placed.priceChanges,
      // The workflow's `WasPlaced` branches on it: a total of 0 completes without a PaymentIntent.
      total: { grandTotal: placed.order.totals.grandTotal, currency: placed.order.currency },
    };
  } catch (error) {
    return refusalOf(error);
  }
};
