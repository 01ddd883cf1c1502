import { randomUUID } from 'node:crypto';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { scaled, waitBudget } from '../support/budget.ts';
import {
  busEvents,
  cartCall,
  checkout,
  readOrder,
  readyCart,
  type Shopper,
  stocked,
  stockOf,
} from '../support/checkout.ts';
import { cloud, eventually, sdkConfig, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { adminSend, publishedProduct } from '../support/store.ts';

/** A flat-rate shipping option to Germany that costs nothing. */
const freeShipping = async () => {
  const id = `free-${randomUUID().slice(0, 8)}`;
  const res = await adminSend('POST', '/admin/shipping-options', {
    id,
    name: 'Free DE',
    countries: ['DE'],
    rate: { type: 'flat', amounts: { EUR: 0 } },
  });
  expect(res.status).toBe(201);
  return id;
};

/** The payment sagas started for an order: its own (named after it) and the `-unconfirmed` one. */
const sagasOf = async (orderId: string) => {
  const sfn = new SFNClient(sdkConfig(cloud().endpoints.stepfunctions));
  const { executions } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: cloud().stateMachines.checkoutPayment, maxResults: 1000 }),
  );
  return (executions ?? []).map((e) => e.name).filter((name) => name?.startsWith(orderId));
};

/** The PaymentIntents the local Stripe holds for an order. */
const intentsOf = async (orderId: string) => {
  const res = await fetch(`${cloud().stripe.apiUrl}/_local/payment_intents`);
  const { data } = (await res.json()) as { data: { id: string; metadata: { orderId?: string } }[] };
  return data.filter((i) => i.metadata.orderId === orderId);
};

/** A refused checkout wrote nothing: no order, no saga, no intent, the cart still open. */
const nothingWritten = async (cartId: string, who: Shopper, key: string) => {
  const orderId = orderIdFor(cartId, key);
  expect((await adminSend('GET', `/admin/orders/${orderId}`)).status).toBe(404);
  expect(await sagasOf(orderId)).toEqual([]);
  expect(await intentsOf(orderId)).toEqual([]);
  const cart = await cartCall('GET', `/carts/${cartId}`, undefined, who);
  expect(cart.status).toBe(200);
  expect(cart.body.status).toBe('open');
};

// The first checkout of a run starts cold functions and waits out the stock locations' cache: as long as checkout.test.ts's.
describe('checkout totals Stripe cannot charge, and input the workflow cannot carry', {
  timeout: scaled(120_000),
}, () => {
  let shippingOptionId: string;

  beforeAll(async () => {
    useLocalDynamo();
    shippingOptionId = await freeShipping();
  });

  it('completes an order with a total of 0 at once: paid, stock sold, OrderPlaced, no PaymentIntent', async () => {
    const product = await publishedProduct([{ prices: { EUR: 1500 } }]);
    const variantId = product.variantIds[0]!;
    await stocked(variantId, 3);
    const code = `FREE${randomUUID().slice(0, 8).toUpperCase()}`;
    const promotion = await adminSend('POST', '/admin/promotions', {
      name: 'All free',
      type: 'percentage',
      percentBps: 10_000,
      combinable: true,
      code,
      usageLimit: 10,
    });
    expect(promotion.status).toBe(201);
    const { cartId, who } = await readyCart([{ variantId, quantity: 2 }], {
      code,
      optionId: shippingOptionId,
    });
    const key = randomUUID();

    const placed = await checkout(cartId, who, key);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'paid',
      total: 0,
      currency: 'EUR',
      paymentRequired: false,
      payment: null,
    });
    const { orderId, orderToken } = placed.body;
    expect(orderId).toBe(orderIdFor(cartId, key));
    // Sold at once: nothing held for a payment that will never come.
    expect(await stockOf(variantId)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    const order = await readOrder(orderId, { orderToken });
    expect(order.body.status).toBe('paid');
    expect(order.body.payment.paymentIntentId ?? null).toBeNull();
    expect(await intentsOf(orderId)).toEqual([]);
    expect(await sagasOf(orderId)).toEqual([]);
    expect(await eventually(async () => (await busEvents('OrderPlaced', orderId))[0])).toMatchObject({
      orderId,
      grandTotal: 0,
    });
    // Written in the same transaction as OrderPlaced, so it would be on the bus by now.
    expect(await busEvents('PaymentSucceeded', orderId)).toEqual([]);

    const again = await checkout(cartId, who, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(placed.body);
    expect(await stockOf(variantId)).toEqual({ onHand: 1, reserved: 0, available: 1 });
  });

  it.each([
    { what: 'below Stripe’s minimum (0.20 EUR)', price: 20, quantity: 1, code: 'amount_too_small' },
    { what: 'above Stripe’s maximum', price: 60_000_000, quantity: 2, code: 'amount_too_large' },
  ])('refuses a total $what with 422 $code before anything is written', async ({ price, quantity, code }) => {
    const product = await publishedProduct([{ prices: { EUR: price } }]);
    const variantId = product.variantIds[0]!;
    await stocked(variantId, 5);
    const { cartId, who } = await readyCart([{ variantId, quantity }], { optionId: shippingOptionId });
    const key = randomUUID();

    expectProblem(await checkout(cartId, who, key), 422, code);
    expect(await stockOf(variantId)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    await nothingWritten(cartId, who, key);
  });

  it(
    'refuses a 60-line cart whose every line is short with 409 out_of_stock, naming a few and counting the rest',
    async () => {
      const specs = Array.from({ length: 30 }, () => ({ prices: { EUR: 100 } }));
      const products = await Promise.all([publishedProduct(specs), publishedProduct(specs)]);
      const variantIds = products.flatMap((p) => p.variantIds);
      // One line has some stock, too little; the others none at all.
      await stocked(variantIds[0]!, 1);
      const lines = variantIds.map((variantId) => ({ variantId, quantity: 2 }));
      const { cartId, who } = await readyCart(lines, { optionId: shippingOptionId });
      const key = randomUUID();

      const refused = await checkout(cartId, who, key);
      expectProblem(refused, 409, 'out_of_stock');
      expect(refused.body.detail).toMatch(/ and 55 more; nothing was reserved$/);
      expect(refused.body.errors).toHaveLength(60);
      expect(refused.body.errors).toContainEqual({
        path: `lines.${variantIds[0]}`,
        message: 'requested 2, available 1',
      });
      expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 1, reserved: 0, available: 1 });
      await nothingWritten(cartId, who, key);
    },
    // 2 products, 60 lines added one by one (each reprices the cart), then the checkout.
    waitBudget(70, { perItemMs: 400, baseMs: 20_000 }),
  );

  it.each([
    { header: 'x-cart-token', value: 'x'.repeat(600) },
    { header: 'x-publishable-api-key', value: `pk_${'x'.repeat(600)}` },
  ])(
    'refuses a $header of 600 characters with 400 before starting the workflow',
    async ({ header, value }) => {
      const product = await publishedProduct([{ prices: { EUR: 1500 } }]);
      const variantId = product.variantIds[0]!;
      await stocked(variantId, 2);
      const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
      const key = randomUUID();

      const refused = await sendJson('POST', `/carts/${cartId}/checkout`, undefined, undefined, {
        'x-cart-token': who.token!,
        'idempotency-key': key,
        [header]: value,
      });
      expectProblem(refused, 400, 'validation_failed');
      expect(refused.body.errors).toEqual([{ path: `headers.${header}`, message: expect.any(String) }]);
      expect(await stockOf(variantId)).toEqual({ onHand: 2, reserved: 0, available: 2 });
      await nothingWritten(cartId, who, key);
    },
  );
});
