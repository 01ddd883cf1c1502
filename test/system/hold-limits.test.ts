import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PENDING_ORDERS_PER_EMAIL,
  MAX_UNITS_PER_VARIANT,
} from '#contexts/checkout/domain/hold-limits.ts';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { paymentKeys } from '#contexts/payments/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { scaled } from '../support/budget.ts';
import {
  cartCall,
  checkout,
  orderReaches,
  pay,
  readyCart,
  type Shopper,
  stocked,
  stockOf,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem } from '../support/http.ts';
import { adminSend, publishedProduct, type TestProduct } from '../support/store.ts';

const get = async (Key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: cloud().tableName, Key, ConsistentRead: true })))
    .Item;

/** A refused checkout wrote nothing: no order, the cart still open. */
const nothingPlaced = async (cartId: string, who: Shopper, key: string) => {
  expect((await adminSend('GET', `/admin/orders/${orderIdFor(cartId, key)}`)).status).toBe(404);
  const cart = await cartCall('GET', `/carts/${cartId}`, undefined, who);
  expect(cart.body.status).toBe('open');
};

// The first checkout of a run starts cold functions, and two orders here end through their payment saga.
describe('limits on holding stock without paying', { timeout: scaled(120_000) }, () => {
  let product: TestProduct;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 1500 } }, { prices: { EUR: 900 } }]);
  });

  it('refuses a checkout holding more units of a variant than an order may, before any write', async () => {
    const variantId = product.variantIds[0]!;
    await stocked(variantId, 50);
    const { cartId, who } = await readyCart([{ variantId, quantity: MAX_UNITS_PER_VARIANT + 1 }]);
    const key = randomUUID();
    expectProblem(await checkout(cartId, who, key), 422, 'too_many_units');
    await nothingPlaced(cartId, who, key);
    expect(await stockOf(variantId)).toEqual({ onHand: 50, reserved: 0, available: 50 });
    // At the limit it goes through.
    const line = (await cartCall('GET', `/carts/${cartId}`, undefined, who)).body.lines[0];
    const lowered = await cartCall(
      'PATCH',
      `/carts/${cartId}/items/${line.id}`,
      { quantity: MAX_UNITS_PER_VARIANT },
      who,
    );
    expect(lowered.status).toBe(200);
    expect((await checkout(cartId, who)).status).toBe(201);
  });

  it('lets an e-mail hold a few unpaid orders at once, and one more once one is paid or declined', async () => {
    const variantId = product.variantIds[1]!;
    await stocked(variantId, 20);
    const email = `holder-${randomUUID().slice(0, 8)}@example.com`;
    const cart = () => readyCart([{ variantId, quantity: 1 }], { email });
    const placed = [];
    for (let i = 0; i < MAX_PENDING_ORDERS_PER_EMAIL; i++) {
      const { cartId, who } = await cart();
      const res = await checkout(cartId, who);
      expect(res.status).toBe(201);
      placed.push(res.body);
    }
    expect(await stockOf(variantId)).toMatchObject({ reserved: MAX_PENDING_ORDERS_PER_EMAIL });

    // Another cart, the same address in another case: refused, nothing held.
    const extra = await readyCart([{ variantId, quantity: 1 }], { email: email.toUpperCase() });
    const refusedKey = randomUUID();
    expectProblem(await checkout(extra.cartId, extra.who, refusedKey), 409, 'too_many_pending_orders');
    await nothingPlaced(extra.cartId, extra.who, refusedKey);
    expect(await stockOf(variantId)).toMatchObject({ reserved: MAX_PENDING_ORDERS_PER_EMAIL });

    // A declined payment ends an order: its slot comes back.
    const [declined, paid] = placed;
    await expect(pay(declined.payment, 'pm_card_chargeDeclined')).rejects.toThrow(/declined/);
    await orderReaches(declined.orderId, { orderToken: declined.orderToken }, 'payment_failed');
    expect((await checkout(extra.cartId, extra.who)).status).toBe(201);

    // Full again; a paid order gives its slot back too.
    const last = await cart();
    expectProblem(await checkout(last.cartId, last.who), 409, 'too_many_pending_orders');
    await eventually(async () => (await get(paymentKeys.waiter(paid.orderId)))?.taskToken);
    expect((await pay(paid.payment, 'pm_card_visa')).status).toBe('succeeded');
    await orderReaches(paid.orderId, { orderToken: paid.orderToken }, 'paid');
    expect((await checkout(last.cartId, last.who)).status).toBe(201);
  });
});
