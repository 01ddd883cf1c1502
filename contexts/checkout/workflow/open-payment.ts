import { type OrderRepository, orderNotFound } from '#contexts/orders/data/repository.ts';
import { orderPaymentIntentUpdate } from '#contexts/orders/data/transitions.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { paymentRequired } from '#contexts/payments/domain/charge-limits.ts';
import type { PaymentGateway, PaymentIntentView } from '#contexts/payments/domain/gateway.ts';
import { transact } from '#platform/data/transact.ts';
import { checkoutClosed } from './checkout-closed.ts';
import { completeFreeOrder } from './complete-free-order.ts';
import { orderStepInput, refusalOf } from './inputs.ts';

/**
 * What undoes the opened payment: the payment saga's `Release` (it cancels the intent), which the
 * checkout started before this step. A failure here only ends the checkout's run: a retry with the same
 * key opens the same intent, and without one the saga releases everything at its timeout. Undoing here
 * would turn a provider blip into a closed checkout the shopper cannot retry.
 */
export const compensatedBy = 'Release';

export interface PaymentDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly gateway: PaymentGateway;
}

/**
 * The PaymentIntent of a placed order: the one it records, or a new one for its server-computed total
 * (the adapter derives Stripe's idempotency key from the order id, so a retried step creates one intent),
 * recorded on the order at once so every compensation finds it. An order that ended unpaid is 409
 * `checkout_closed`. 1 GetItem + 1 Stripe call (+ 1 Update).
 */
export const openPayment = async (
  deps: PaymentDeps,
  orderId: string,
  now = new Date(),
): Promise<{ order: Order; intent: PaymentIntentView }> => intentFor(deps, await orderOf(deps, orderId), now);

/** The order as it stands (strongly consistent): the step acts on its current status. */
const orderOf = async (deps: { readonly orders: OrderRepository }, orderId: string): Promise<Order> => {
  const order = await deps.orders.getForUpdate(orderId);
  if (!order) throw orderNotFound(orderId);
  return order;
};

const intentFor = async (
  deps: PaymentDeps,
  order: Order,
  now: Date,
): Promise<{ order: Order; intent: PaymentIntentView }> => {
  const orderId = order.id;
  // A replay of a paid order still answers it; one that ended unpaid has nothing left to pay.
  if (order.status !== 'pending_payment' && order.status !== 'paid') throw checkoutClosed(order);
  const recorded = order.payment.paymentIntentId;
  if (recorded) return { order, intent: await deps.gateway.retrieveIntent(recorded) };
  if (order.status !== 'pending_payment') throw checkoutClosed(order);
  const intent = await deps.gateway.createIntent({
    orderId,
    amount: order.totals.grandTotal,
    currency: order.currency,
  });
  const saved = await transact([
    orderPaymentIntentUpdate(deps.table, orderId, intent.paymentIntentId, now.toISOString()),
  ]);
  // The order ended meanwhile (its saga gave up): the intent must not stay payable.
  if (!saved.ok) {
    await deps.gateway.cancelIntent(intent.paymentIntentId);
    throw checkoutClosed({ ...order, status: 'canceled' });
  }
  return {
    order: { ...order, payment: { ...order.payment, paymentIntentId: intent.paymentIntentId } },
    intent,
  };
};

const totalOf = (order: Order) => ({ grandTotal: order.totals.grandTotal, currency: order.currency });

/** What the `OpenPayment` step is given: the orders, and Stripe's gateway and publishable key, loaded late. */
export interface OpenPaymentStepDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly gateway: () => Promise<PaymentGateway>;
  readonly publishableKey: () => Promise<string>;
}

/**
 * The `OpenPayment` state (checkout step 2): the order's PaymentIntent and what Stripe.js needs to pay
 * it. A closed order is a refusal; a provider outage throws `PaymentProviderUnavailableError` for the
 * workflow's Retry. The `CompleteFreeOrder` state runs it too: an order with a total of 0 comes back
 * paid, `paymentRequired: false`, with no payment fields.
 */
export const openPaymentStep = async (deps: OpenPaymentStepDeps, event: unknown) => {
  const { orderId } = orderStepInput.parse(event);
  try {
    const current = await orderOf(deps, orderId);
    // Nothing to pay: no intent (Stripe refuses 0) and no Stripe call; the order completes at once.
    // `PlacedFree` reads no payment fields: the storefront is told nothing is to pay.
    if (!paymentRequired(current.totals.grandTotal)) {
      const order = await completeFreeOrder(deps, current);
      return { status: order.status, total: totalOf(order), paymentRequired: false };
    }
    const { order, intent } = await intentFor(
      { ...deps, gateway: await deps.gateway() },
      current,
      new Date(),
    );
    const total = totalOf(order);
    return {
      status: order.status,
      total,
      paymentRequired: true,
      paymentIntentId: intent.paymentIntentId,
      clientSecret: intent.clientSecret,
      // The route answering the storefront has no secret access: the key travels through the workflow.
      publishableKey: await deps.publishableKey(),
    };
  } catch (error) {
    return refusalOf(error);
  }
};
