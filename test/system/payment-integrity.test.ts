import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import {
  busEvents,
  checkout,
  orderReaches,
  pay,
  readOrder,
  readyCart,
  stockOf,
  stripeRefunds,
} from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, sendJson } from '../support/http.ts';
import { localStripeClient } from '../support/payments.ts';
import { publishedProduct, stock, type TestProduct } from '../support/store.ts';

/**
 * Payment integrity through the local cloud: Stripe reports payments that name an order (its
 * `metadata.orderId`) but are not the order's payment — another PaymentIntent, a smaller amount, another
 * currency, someone else's decline. None may decide the order: the order's own payment still completes it.
 */
const secretStripe = () => localStripeClient(cloud().stripe.secretKey, cloud().stripe.apiUrl);

const refundsOf = (orderId: string) =>
  sendJson('GET', `/admin/orders/${orderId}/refunds`, undefined, cloud().tokens.admin);

/** A PaymentIntent that names the order but was not made by its checkout, paid (or tried) with `card`. */
const foreignPayment = async (orderId: string, amount: number, currency: string, card = 'pm_card_visa') => {
  const intent = await secretStripe().paymentIntents.create({
    amount,
    currency: currency.toLowerCase(),
    allowed_payment_method_types: ['card'],
    metadata: { orderId },
  });
  await secretStripe()
    .paymentIntents.confirm(intent.id, { payment_method: card })
    .catch((error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    });
  return intent.id;
};

type Delivery = {
  status: string;
  responseStatus?: number;
  event: { type: string; data: { object: { id: string; payment_intent?: string } } };
};

/** The local Stripe's delivery of an intent's event of `type`, once the webhook answered it. */
const deliveredEvent = (paymentIntentId: string, type: string) =>
  eventually(async () => {
    const res = await fetch(`${cloud().stripe.apiUrl}/_local/deliveries`);
    const { data } = (await res.json()) as { data: Delivery[] };
    return data.find(
      (d) =>
        d.event.type === type &&
        // A charge's events name the intent in `payment_intent`, an intent's in `id`.
        (d.event.data.object.id === paymentIntentId ||
          d.event.data.object.payment_intent === paymentIntentId) &&
        d.status !== 'pending',
    );
  });

/** Posts a delivery again, signed anew as Stripe signs each attempt. */
const redeliver = (event: unknown) => {
  const payload = JSON.stringify(event);
  return api('/webhooks/stripe', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: cloud().stripe.webhookSecret,
      }),
    },
    body: payload,
  });
};

describe('payment integrity: only the order’s own payment completes it', { timeout: scaled(180_000) }, () => {
  let product: TestProduct;

  beforeAll(async () => {
    useLocalDynamo();
    product = await publishedProduct([{ prices: { EUR: 2000 } }]);
    await stock(product.variantIds[0]!, 100);
    await eventually(async () =>
      (await stockOf(product.variantIds[0]!)).available === 100 ? true : undefined,
    );
  });

  /** A guest checkout of one unit, waiting for its payment. */
  const openCheckout = async () => {
    const { cartId, who } = await readyCart([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    return placed.body as {
      orderId: string;
      orderToken: string;
      total: number;
      currency: string;
      payment: { paymentIntentId: string; clientSecret: string; publishableKey: string };
    };
  };

  it.each([
    ['another PaymentIntent', (total: number) => ({ amount: total, currency: 'EUR' }), ['payment_intent']],
    [
      'a smaller amount',
      (total: number) => ({ amount: total - 100, currency: 'EUR' }),
      ['payment_intent', 'amount'],
    ],
    [
      'another currency',
      (total: number) => ({ amount: total, currency: 'USD' }),
      ['payment_intent', 'currency'],
    ],
  ] as const)(
    'does not complete the order with a payment of %s: records, announces and refunds it once',
    async (_, paid, reasons) => {
      const placed = await openCheckout();
      const { orderId, orderToken } = placed;
      const { amount, currency } = paid(placed.total);
      const foreign = await foreignPayment(orderId, amount, currency);

      // Recorded where the back office sees the order's refunds, and refunded in full.
      const mismatch = await eventually(async () => {
        const list = await refundsOf(orderId);
        const found = (list.body.mismatches ?? []).find(
          (m: { paymentIntentId: string; refund: { status: string } }) =>
            m.paymentIntentId === foreign && m.refund.status !== 'requested',
        );
        return found;
      });
      expect(mismatch).toMatchObject({
        orderId,
        amount,
        currency,
        reasons: [...reasons],
        expected: { paymentIntentId: placed.payment.paymentIntentId, amount: placed.total, currency: 'EUR' },
        refund: { status: 'issued' },
      });
      expect(await stripeRefunds(foreign)).toEqual([expect.objectContaining({ amount })]);

      // Stripe delivers the same event again (signed anew): nothing is recorded or refunded twice.
      const first = await deliveredEvent(foreign, 'payment_intent.succeeded');
      expect(first.responseStatus).toBe(200);
      const again = await redeliver(first.event);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ received: true, effect: 'duplicate' });
      expect(await stripeRefunds(foreign)).toHaveLength(1);
      expect((await refundsOf(orderId)).body.mismatches).toHaveLength(1);
      const announced = await eventually(async () => {
        const events = await busEvents('PaymentMismatch', orderId);
        return events.length > 0 ? events : undefined;
      });
      expect(announced).toEqual([
        expect.objectContaining({ paymentIntentId: foreign, reasons: [...reasons] }),
      ]);

      // The order still waits for its own payment, which completes it; the foreign refund leaves it paid.
      expect((await readOrder(orderId, { orderToken })).body.status).toBe('pending_payment');
      await pay(placed.payment, 'pm_card_visa');
      await orderReaches(orderId, { orderToken }, 'paid');
      const echo = await deliveredEvent(foreign, 'charge.refunded');
      expect(echo.responseStatus).toBe(200);
      const after = await readOrder(orderId, { orderToken });
      expect(after.body.status).toBe('paid');
      expect(after.body.payment.paymentIntentId).toBe(placed.payment.paymentIntentId);
      expect((await refundsOf(orderId)).body).toMatchObject({
        captured: placed.total,
        refunded: 0,
        items: [],
      });
    },
  );

  it('does not fail the checkout when another intent naming the order is declined', async () => {
    const placed = await openCheckout();
    const { orderId, orderToken } = placed;
    const foreign = await foreignPayment(orderId, placed.total, 'EUR', 'pm_card_chargeDeclined');
    const delivery = await deliveredEvent(foreign, 'payment_intent.payment_failed');
    expect(delivery.responseStatus).toBe(200);
    expect((await readOrder(orderId, { orderToken })).body.status).toBe('pending_payment');
    await pay(placed.payment, 'pm_card_visa');
    await orderReaches(orderId, { orderToken }, 'paid');
  });
});
