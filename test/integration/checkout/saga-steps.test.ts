import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CartStore } from '#contexts/carts/data/store.ts';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { awaitPaymentStep } from '#contexts/checkout/workflow/await-payment.ts';
import { completeCheckout } from '#contexts/checkout/workflow/complete-order.ts';
import { openPayment } from '#contexts/checkout/workflow/open-payment.ts';
import { placeOrder } from '#contexts/checkout/workflow/place-order.ts';
import { refundUnclaimed } from '#contexts/checkout/workflow/refunded.ts';
import { releaseCheckout } from '#contexts/checkout/workflow/release-checkout.ts';
import { settleReservation } from '#contexts/inventory/data/settle.ts';
import { orderTransitionItems } from '#contexts/orders/data/transitions.ts';
import { recordPaymentResult } from '#contexts/payments/data/result-store.ts';
import type { PaymentResult } from '#contexts/payments/domain/result.ts';
import { stripeClient, stripeGateway } from '#contexts/payments/stripe/gateway.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { cloud } from '../../support/cloud.ts';
import { outboxEvents } from '../../support/outbox.ts';
import { confirmLikeStripeJs, localStripeClient } from '../../support/payments.ts';
import { checkoutFixture } from './fixture.ts';

const ON_HAND = 10;

/**
 * A placed checkout on its own table, with an automatic promotion (usage counted) and the local Stripe
 * behind the production adapter: every step and compensation of the saga can be run, and stopped,
 * one by one — which is how a failure after each step is forced here.
 */
const placedCheckout = async () => {
  const f = await checkoutFixture(ON_HAND);
  const { promotion } = await new PromotionRepository(f.table).create({
    name: 'Automatic',
    type: 'fixed_amount',
    amounts: { EUR: 100 },
    combinable: true,
    usageLimit: 50,
  });
  const { stripe } = cloud();
  const gateway = stripeGateway(
    stripeClient(
      {
        secretKey: stripe.secretKey,
        publishableKey: stripe.publishableKey,
        webhookSecret: stripe.webhookSecret,
      },
      stripe.apiUrl,
    ),
  );
  const cart = await f.readyCart(3);
  const placed = await placeOrder(f.deps, {
    cartId: cart.id,
    caller: cart.caller,
    orderId: orderIdFor(cart.id, 'k'),
  });
  const deps = { table: f.table, orders: f.deps.orders, gateway };
  const variantId = f.product.variants[0]!.id;
  const usage = async () => {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: f.table, Key: promotionKeys.usage(promotion.id), ConsistentRead: true }),
    );
    return Item?.used as number;
  };
  const stock = () => f.stock.variantStock(variantId);
  const order = async () => (await f.deps.orders.get(placed.order.id))!;
  const events = async () => (await outboxEvents(f.table)).map((i) => i.detailType as string);
  const browserPays = (intent: { paymentIntentId: string; clientSecret: string }, method = 'pm_card_visa') =>
    confirmLikeStripeJs(
      localStripeClient(stripe.publishableKey, stripe.apiUrl),
      intent.paymentIntentId,
      intent.clientSecret,
      method,
    );
  return { f, deps, orderId: placed.order.id, usage, stock, order, events, gateway, browserPays };
};

/** The amounts refunded on a PaymentIntent, from the local Stripe's read-out (the dashboard's view). */
const refundedAmounts = async (paymentIntentId: string) => {
  const refunds = (await (await fetch(`${cloud().stripe.apiUrl}/_local/refunds`)).json()) as {
    data: { payment_intent: string; amount: number }[];
  };
  return refunds.data.filter((r) => r.payment_intent === paymentIntentId).map((r) => r.amount);
};

/** Everything the checkout took is back: stock unheld and unsold, promotion use returned. */
const expectAllGivenBack = async (c: Awaited<ReturnType<typeof placedCheckout>>) => {
  expect(await c.stock()).toMatchObject({ onHand: ON_HAND, reserved: 0, available: ON_HAND });
  expect(await c.usage()).toBe(0);
};

describe('the saga’s steps and compensations, failing after each step', () => {
  it('after placing (no PaymentIntent yet): release gives stock and promotion use back, once', async () => {
    const c = await placedCheckout();
    expect(await c.stock()).toMatchObject({ reserved: 3 });
    expect(await c.usage()).toBe(1);
    expect(
      await releaseCheckout(c.deps, { orderId: c.orderId, status: 'canceled', reason: 'checkout_error' }),
    ).toEqual({ outcome: 'released', status: 'canceled' });
    await expectAllGivenBack(c);
    // The cart the checkout closed is open again, for a new checkout.
    const cart = await new CartStore(c.f.table).get((await c.order()).cartId);
    expect(cart).toMatchObject({ status: 'open' });
    expect(cart).not.toHaveProperty('orderId');
    expect((await c.order()).statusHistory.at(-1)).toMatchObject({
      status: 'canceled',
      reason: 'checkout_error',
    });
    // Run again (a retried compensation): nothing moves twice.
    expect(await releaseCheckout(c.deps, { orderId: c.orderId, status: 'canceled', reason: 'x' })).toEqual({
      outcome: 'closed',
      status: 'canceled',
    });
    await expectAllGivenBack(c);
    const events = await c.events();
    expect(events.filter((e) => e === 'CheckoutFailed')).toHaveLength(1);
    expect(events.filter((e) => e === 'PaymentFailed')).toHaveLength(1);
    // The order is closed: opening its payment now is refused, and so is completing it.
    await expect(openPayment(c.deps, c.orderId)).rejects.toMatchObject({ code: 'checkout_closed' });
    await expect(completeCheckout(c.deps, c.orderId, 'pi_x')).rejects.toMatchObject({
      code: 'checkout_closed',
    });
    await expectAllGivenBack(c);
  });

  it('after opening the payment: release cancels the PaymentIntent; a retried open returns the same intent', async () => {
    const c = await placedCheckout();
    const first = await openPayment(c.deps, c.orderId);
    const again = await openPayment(c.deps, c.orderId);
    expect(again.intent.paymentIntentId).toBe(first.intent.paymentIntentId);
    expect(first.intent).toMatchObject({ amount: (await c.order()).totals.grandTotal, currency: 'EUR' });
    expect((await c.order()).payment.paymentIntentId).toBe(first.intent.paymentIntentId);
    await releaseCheckout(c.deps, { orderId: c.orderId, status: 'expired', reason: 'timeout' });
    await expectAllGivenBack(c);
    expect((await c.gateway.retrieveIntent(first.intent.paymentIntentId)).status).toBe('canceled');
    expect(await c.events()).toEqual(expect.arrayContaining(['CheckoutExpired', 'CheckoutFailed']));
    await expect(c.browserPays(first.intent)).rejects.toThrow();
  });

  it('after payment: completing sells the stock once; a late release leaves the paid order alone', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await c.browserPays(intent);
    expect(await completeCheckout(c.deps, c.orderId, intent.paymentIntentId)).toEqual({
      status: 'paid',
      changed: true,
    });
    expect(await completeCheckout(c.deps, c.orderId, intent.paymentIntentId)).toEqual({
      status: 'paid',
      changed: false,
    });
    expect(await c.stock()).toMatchObject({ onHand: ON_HAND - 3, reserved: 0, available: ON_HAND - 3 });
    expect(await c.usage()).toBe(1);
    expect(
      await releaseCheckout(c.deps, { orderId: c.orderId, status: 'expired', reason: 'timeout' }),
    ).toEqual({
      outcome: 'closed',
      status: 'paid',
    });
    expect(await c.stock()).toMatchObject({ onHand: ON_HAND - 3, reserved: 0 });
    const events = await c.events();
    expect(events.filter((e) => e === 'OrderPlaced')).toHaveLength(1);
    expect(events.filter((e) => e === 'PaymentSucceeded')).toHaveLength(1);
    expect(events).not.toContain('CheckoutFailed');
  });

  it('completion refuses a PaymentIntent that is not the order’s own and leaves the order waiting', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await c.browserPays(intent);
    await expect(completeCheckout(c.deps, c.orderId, 'pi_someone_else')).rejects.toMatchObject({
      name: 'PaymentMismatchError',
      code: 'payment_mismatch',
    });
    expect((await c.order()).status).toBe('pending_payment');
    expect(await c.stock()).toMatchObject({ reserved: 3 });
    expect(await c.events()).not.toContain('OrderPlaced');
    // The order's own payment still completes it.
    await completeCheckout(c.deps, c.orderId, intent.paymentIntentId);
    expect((await c.order()).status).toBe('paid');
  });

  it.each([
    ['another intent', { paymentIntentId: 'pi_someone_else' }],
    ['a smaller amount', { amount: 1 }],
    ['another currency', { currency: 'USD' }],
  ])('the wait does not resume itself with an early success of %s', async (_, differs) => {
    process.env.AWS_ENDPOINT_URL_SFN = cloud().endpoints.stepfunctions;
    const c = await placedCheckout();
    const { order, intent } = await openPayment(c.deps, c.orderId);
    const early: PaymentResult = {
      orderId: c.orderId,
      outcome: 'succeeded',
      paymentIntentId: intent.paymentIntentId,
      eventId: `evt_early_${c.orderId}`,
      eventType: 'payment_intent.succeeded',
      eventCreated: Math.floor(Date.now() / 1000),
      recordedAt: new Date().toISOString(),
      amount: order.totals.grandTotal,
      currency: order.currency,
      ...differs,
    };
    expect(await recordPaymentResult(c.f.table, early)).toBe('recorded');
    const step = { table: c.f.table, orders: c.deps.orders };
    // A token no execution holds: resuming with it would answer `stale`; waiting sends nothing.
    expect(await awaitPaymentStep(step, { orderId: c.orderId, taskToken: 'token-of-no-task' })).toEqual({
      effect: 'waiting',
    });
    expect((await c.order()).status).toBe('pending_payment');
  });

  it('a payment that succeeds as the wait times out completes the order instead of canceling it', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await c.browserPays(intent);
    expect(
      await releaseCheckout(c.deps, { orderId: c.orderId, status: 'expired', reason: 'timeout' }),
    ).toEqual({
      outcome: 'paid_meanwhile',
      paymentIntentId: intent.paymentIntentId,
    });
    expect(await c.stock()).toMatchObject({ reserved: 3 });
    await completeCheckout(c.deps, c.orderId, intent.paymentIntentId);
    expect((await c.order()).status).toBe('paid');
  });

  it('a hold released before the payment completed: completion refuses, release refunds and gives back', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await c.browserPays(intent);
    // The expiry sweep's own release (as if the saga had been down past the hold).
    await settleReservation(c.f.table, (await c.order()).reservationId, 'release');
    await expect(completeCheckout(c.deps, c.orderId, intent.paymentIntentId)).rejects.toMatchObject({
      code: 'hold_lost',
    });
    const released = await releaseCheckout(c.deps, {
      orderId: c.orderId,
      status: 'canceled',
      reason: 'completion_failed',
      refund: true,
    });
    expect(released).toEqual({ outcome: 'released', status: 'canceled' });
    await expectAllGivenBack(c);
    expect(await refundedAmounts(intent.paymentIntentId)).toEqual([intent.amount]);
  });

  it('a release that read no PaymentIntent cannot end an order that recorded one meanwhile', async () => {
    const c = await placedCheckout();
    const seen = await c.order();
    await openPayment(c.deps, c.orderId);
    const stale = orderTransitionItems(
      c.f.table,
      seen,
      ['pending_payment'],
      'expired',
      new Date().toISOString(),
      'timeout',
      {
        seenPaymentIntentId: seen.payment.paymentIntentId ?? null,
      },
    );
    expect((await transact(stale)).ok).toBe(false);
    expect((await c.order()).status).toBe('pending_payment');
  });

  it('refunds a payment that succeeds for an order that ended unpaid, once', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await c.browserPays(intent);
    // As if the saga had ended the order without seeing the payment (it failed for good).
    const ended = orderTransitionItems(
      c.f.table,
      await c.order(),
      ['pending_payment'],
      'canceled',
      new Date().toISOString(),
    );
    expect((await transact(ended)).ok).toBe(true);
    const result: PaymentResult = {
      orderId: c.orderId,
      outcome: 'succeeded',
      paymentIntentId: intent.paymentIntentId,
      eventId: 'evt_test',
      eventType: 'payment_intent.succeeded',
      eventCreated: 1,
      recordedAt: new Date().toISOString(),
      amount: intent.amount,
      currency: 'EUR',
    };
    const deps = { orders: c.deps.orders, gateway: async () => c.gateway };
    expect(await refundUnclaimed(deps, result)).toBe('refunded');
    expect(await refundUnclaimed(deps, result)).toBe('refunded');
    expect(await refundedAmounts(intent.paymentIntentId)).toEqual([intent.amount]);
  });

  it('a declined card ends the order payment_failed with its decline code', async () => {
    const c = await placedCheckout();
    const { intent } = await openPayment(c.deps, c.orderId);
    await expect(c.browserPays(intent, 'pm_card_chargeDeclined')).rejects.toThrow();
    await releaseCheckout(c.deps, {
      orderId: c.orderId,
      status: 'payment_failed',
      reason: 'card_declined',
      declineCode: 'generic_decline',
    });
    await expectAllGivenBack(c);
    const failed = (await outboxEvents(c.f.table)).find((i) => i.detailType === 'PaymentFailed');
    expect(failed?.detail).toMatchObject({
      data: { orderId: c.orderId, reason: 'declined', code: 'generic_decline' },
    });
  });
});
