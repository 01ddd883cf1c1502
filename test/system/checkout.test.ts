import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { paymentKeys } from '#contexts/payments/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { scaled } from '../support/budget.ts';
import {
  cartCall,
  checkout,
  intentStatus,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stocked,
  stockOf,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';
import { queuedConfirmation } from '../support/orders.ts';
import { localStripeClient } from '../support/payments.ts';
import { adminSend, newCustomer, publishedProduct, type TestProduct } from '../support/store.ts';

const get = async (Key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: cloud().tableName, Key, ConsistentRead: true })))
    .Item;

// Two tests wait out the payment timeout: every test here may take as long, stretched by the machine's load.
describe('checkout over HTTP: place, pay, fail, expire', { timeout: scaled(120_000) }, () => {
  let product: TestProduct;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1500 } }, { prices: { EUR: 900 } }]);
  });

  it('places a guest order with its PaymentIntent, replays the same key, and pays it once', async () => {
    const variantId = product.variantIds[0]!;
    await stocked(variantId, 5);
    const { cartId, who } = await readyCart([{ variantId, quantity: 2 }]);
    const key = randomUUID();
    const placed = await checkout(cartId, who, key);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'pending_payment',
      total: 3500,
      currency: 'EUR',
      priceChanges: [],
      payment: { provider: 'stripe', publishableKey: cloud().stripe.publishableKey },
    });
    expect(placed.body.payment.paymentIntentId).toMatch(/^pi_/);
    expect(placed.body.payment.clientSecret).toContain(placed.body.payment.paymentIntentId);
    expect(placed.body.orderToken).toEqual(expect.any(String));
    expect(await stockOf(variantId)).toEqual({ onHand: 5, reserved: 2, available: 3 });

    const again = await checkout(cartId, who, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(placed.body);
    expectProblem(await checkout(cartId, who, randomUUID()), 409, 'cart_checked_out');
    expect(await stockOf(variantId)).toEqual({ onHand: 5, reserved: 2, available: 3 });

    const { orderId, orderToken, payment } = placed.body;
    // The saga's wait has stored its token (it may come a moment after the answer) before the shopper pays.
    await eventually(async () => (await get(paymentKeys.waiter(orderId)))?.taskToken);
    expect((await pay(payment, 'pm_card_visa')).status).toBe('succeeded');
    const paid = await orderReaches(orderId, { orderToken }, 'paid');
    expect(paid.statusHistory.map((h: { status: string }) => h.status)).toEqual(['pending_payment', 'paid']);
    expect(paid.payment).toEqual({
      provider: 'stripe',
      paymentIntentId: payment.paymentIntentId,
      status: 'paid',
      amountRefunded: 0,
    });
    // The webhook found the saga waiting and handed it the outcome: no payment result was written.
    expect(await get(paymentKeys.result(orderId))).toBeUndefined();
    expect(await stockOf(variantId)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    // OrderPlaced went outbox → bus (its read-out lists it) → rule → queue → the confirmation consumer.
    const onBus = await eventually(async () => {
      const res = await fetch(`${cloud().endpoints.eventbridge}/_local/events?detail-type=OrderPlaced`);
      const { events } = (await res.json()) as { events: { detail: { data: { orderId: string } } }[] };
      return events.find((e) => e.detail.data.orderId === orderId);
    });
    expect(onBus).toMatchObject({
      source: 'commerce.orders',
      detail: { data: { orderId, grandTotal: 3500 } },
    });
    expect(await eventually(() => queuedConfirmation(orderId))).toMatchObject({ orderId });

    // Paying twice is refused by Stripe; the order and the stock stay as they are.
    await expect(pay(payment, 'pm_card_visa')).rejects.toThrow();
    expect((await readOrder(orderId, { orderToken })).body.status).toBe('paid');
    expect(await stockOf(variantId)).toEqual({ onHand: 3, reserved: 0, available: 3 });
  });

  it('gives the stock and the promotion use back and cancels the intent when the card is declined', async () => {
    const variantId = product.variantIds[1]!;
    await stocked(variantId, 4);
    const code = `CO${randomUUID().slice(0, 8).toUpperCase()}`;
    const promotion = await adminSend('POST', '/admin/promotions', {
      name: 'Five off',
      type: 'percentage',
      percentBps: 500,
      combinable: true,
      code,
      usageLimit: 10,
    });
    expect(promotion.status).toBe(201);
    const { cartId, who } = await readyCart([{ variantId, quantity: 3 }], { code });
    const key = randomUUID();
    const placed = await checkout(cartId, who, key);
    expect(placed.status).toBe(201);
    const usage = async () =>
      (await adminSend('GET', `/admin/promotions/${promotion.body.id}`)).body.usage.total;
    expect(await usage()).toBe(1);
    expect(await stockOf(variantId)).toMatchObject({ reserved: 3, available: 1 });

    const { orderId, orderToken, payment } = placed.body;
    await expect(pay(payment, 'pm_card_chargeDeclined')).rejects.toThrow(/declined/);
    const failed = await orderReaches(orderId, { orderToken }, 'payment_failed');
    expect(failed.statusHistory.at(-1)).toMatchObject({ status: 'payment_failed', reason: 'card_declined' });
    expect(await stockOf(variantId)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(await usage()).toBe(0);
    expect(await intentStatus(payment.paymentIntentId)).toBe('canceled');
    // The same key now answers that this checkout is over; the cart is open again for another try.
    expectProblem(await checkout(cartId, who, key), 409, 'checkout_closed');
    expect((await cartCall('GET', `/carts/${cartId}`, undefined, who)).body.status).toBe('open');
    const again = await checkout(cartId, who);
    expect(again.status).toBe(201);
    expect(again.body.orderId).not.toBe(orderId);
    expect(await usage()).toBe(1);
    expect(await stockOf(variantId)).toMatchObject({ reserved: 3, available: 1 });
  });

  it('expires an unpaid checkout after the payment timeout: stock back, intent canceled', async () => {
    const variantId = product.variantIds[0]!;
    const before = await stockOf(variantId);
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    expect((await stockOf(variantId)).reserved).toBe(before.reserved + 1);
    const { orderId, orderToken, payment } = placed.body;
    const expired = await orderReaches(orderId, { orderToken }, 'expired', 60_000);
    expect(expired.statusHistory.at(-1)).toMatchObject({ status: 'expired', reason: 'timeout' });
    expect(await stockOf(variantId)).toEqual(before);
    expect(await intentStatus(payment.paymentIntentId)).toBe('canceled');
    await expect(pay(payment, 'pm_card_visa')).rejects.toThrow();
  });

  it('answers 503 while Stripe is down and keeps the order for a retry with the same key; unretried, it expires', async () => {
    const variantId = product.variantIds[0]!;
    const outage = (orderId: string, count: number) =>
      fetch(`${cloud().stripe.apiUrl}/_local/outages`, {
        method: 'POST',
        body: JSON.stringify({ orderId, count }),
      });
    const adminOrder = async (orderId: string) => (await adminSend('GET', `/admin/orders/${orderId}`)).body;

    await stocked(variantId, 10);
    const retried = await readyCart([{ variantId, quantity: 1 }]);
    const key = randomUUID();
    const retriedId = orderIdFor(retried.cartId, key);
    await outage(retriedId, 100);
    expectProblem(await checkout(retried.cartId, retried.who, key), 503, 'payment_provider_unavailable');
    expect(await adminOrder(retriedId)).toMatchObject({
      status: 'pending_payment',
      payment: { provider: 'stripe', status: 'pending', amountRefunded: 0 },
    });
    await outage(retriedId, 0);
    const placed = await checkout(retried.cartId, retried.who, key);
    expect(placed.status).toBe(201);
    expect(placed.body.orderId).toBe(retriedId);
    expect((await pay(placed.body.payment, 'pm_card_visa')).status).toBe('succeeded');
    await orderReaches(retriedId, { orderToken: placed.body.orderToken }, 'paid');

    const abandoned = await readyCart([{ variantId, quantity: 1 }]);
    const before = await stockOf(variantId);
    const abandonedKey = randomUUID();
    const abandonedId = orderIdFor(abandoned.cartId, abandonedKey);
    await outage(abandonedId, 100);
    expectProblem(
      await checkout(abandoned.cartId, abandoned.who, abandonedKey),
      503,
      'payment_provider_unavailable',
    );
    expect((await stockOf(variantId)).reserved).toBe(before.reserved + 1);
    const expired = await eventually(async () => {
      const order = await adminOrder(abandonedId);
      return order.status === 'expired' ? order : undefined;
    }, 60_000);
    expect(expired.payment).toEqual({ provider: 'stripe', status: 'voided', amountRefunded: 0 });
    expect(await stockOf(variantId)).toEqual(before);
    await outage(abandonedId, 0);
  });

  it('checks a customer out (an e-mail is needed for the confirmation); the order is in /me/orders', async () => {
    const variantId = product.variantIds[0]!;
    const customer = await newCustomer();
    const { cartId } = await readyCart([{ variantId, quantity: 1 }], { bearer: customer.token });
    // The access token carries no e-mail and this customer's profile has none: the cart must.
    expectProblem(await checkout(cartId, { bearer: customer.token }), 422, 'email_required');
    const email = 'buyer@example.com';
    expect(
      (await cartCall('PUT', `/carts/${cartId}/email`, { email }, { bearer: customer.token })).status,
    ).toBe(200);
    const placed = await checkout(cartId, { bearer: customer.token });
    expect(placed.status).toBe(201);
    expect(placed.body.orderToken).toBeNull();
    const mine = await api('/me/orders', { token: customer.token });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.orderId]);
    expect((await readOrder(placed.body.orderId, { bearer: customer.token })).body.email).toBe(email);
    expect((await pay(placed.body.payment, 'pm_card_visa')).status).toBe('succeeded');
    await orderReaches(placed.body.orderId, { bearer: customer.token }, 'paid');

    // The back office refunds in full (through Stripe): charge.refunded moves the order to refunded.
    const stripe = localStripeClient(cloud().stripe.secretKey, cloud().stripe.apiUrl);
    await stripe.refunds.create({ payment_intent: placed.body.payment.paymentIntentId });
    const refunded = await orderReaches(placed.body.orderId, { bearer: customer.token }, 'refunded');
    expect(refunded.statusHistory.at(-1)).toMatchObject({ status: 'refunded', reason: 'charge_refunded' });
  });

  it('checks out at the current price when it changed since the line was added, and says so', async () => {
    const item = await publishedProduct([{ prices: { EUR: 2000 } }]);
    const variantId = item.variantIds[0]!;
    await stocked(variantId, 3);
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
    const repriced = await adminSend('PATCH', `/admin/products/${item.productId}/variants/${variantId}`, {
      version: item.version,
      prices: { EUR: 2400 },
    });
    expect(repriced.status).toBe(200);
    const placed = await checkout(cartId, who);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.priceChanges).toEqual([{ variantId, previousUnitPrice: 2000, unitPrice: 2400 }]);
    expect(placed.body.total).toBe(2400 + 500);
  });

  it('refuses bad requests with problem+json and writes nothing', async () => {
    const variantId = product.variantIds[1]!;
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
    const before = await stockOf(variantId);
    expectProblem(await checkout(cartId, who, null), 400, 'idempotency_key_required');
    expectProblem(await checkout(cartId, who, 'bad key!'), 400, 'validation_failed');
    expectProblem(await checkout(cartId, { token: 'not-the-token' }), 404, 'cart_not_found');
    expectProblem(await checkout(randomUUID(), who), 404, 'cart_not_found');

    const empty = await cartCall('POST', '/carts', { currency: 'EUR' });
    expectProblem(await checkout(empty.body.id, { token: empty.body.token }), 422, 'empty_cart');
    const noEmail = await cartCall('POST', '/carts', { currency: 'EUR' });
    const guest = { token: noEmail.body.token as string };
    await cartCall('POST', `/carts/${noEmail.body.id}/items`, { variantId, quantity: 1 }, guest);
    expectProblem(await checkout(noEmail.body.id, guest), 422, 'shipping_method_required');
    await cartCall(
      'PUT',
      `/carts/${noEmail.body.id}/shipping-address`,
      {
        name: 'E M',
        line1: 'Heidestraße 17',
        city: 'Köln',
        postalCode: '51147',
        country: 'DE',
      },
      guest,
    );
    const options = await cartCall('GET', `/carts/${noEmail.body.id}/shipping-options`, undefined, guest);
    await cartCall(
      'PUT',
      `/carts/${noEmail.body.id}/shipping-method`,
      { optionId: options.body.options[0].id },
      guest,
    );
    expectProblem(await checkout(noEmail.body.id, guest), 422, 'email_required');

    // Two carts want every unit left; the cart's stock figure allows both, the reservation only one.
    const [first, second] = await Promise.all([
      readyCart([{ variantId, quantity: before.available }]),
      readyCart([{ variantId, quantity: before.available }]),
    ]);
    expect((await checkout(first!.cartId, first!.who)).status).toBe(201);
    expectProblem(await checkout(second!.cartId, second!.who), 409, 'out_of_stock');
    expect(await stockOf(variantId)).toEqual({
      ...before,
      reserved: before.reserved + before.available,
      available: 0,
    });
    expect((await cartCall('GET', `/carts/${second!.cartId}`, undefined, second!.who)).body.status).toBe(
      'open',
    );
    // A refused checkout leaves the cart open: it can still be changed.
    expect(
      (
        await cartCall(
          'PATCH',
          `/carts/${cartId}/items/${(await cartCall('GET', `/carts/${cartId}`, undefined, who)).body.lines[0].id}`,
          { quantity: 2 },
          who,
        )
      ).status,
    ).toBe(200);
  });
});
