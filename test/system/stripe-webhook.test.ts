import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPaymentResult } from '#contexts/payments/data/result-store.ts';
import { stripeClient, stripeGateway } from '#contexts/payments/stripe/gateway.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';
import { confirmLikeStripeJs, localStripeClient } from '../support/payments.ts';

/**
 * Stripe → local cloud: intents made by the production adapter against the cloud's local Stripe,
 * confirmed as Stripe.js would, whose signed webhooks the local Stripe posts to `POST /webhooks/stripe`.
 */
const newOrderId = () => `ord_${randomUUID().replaceAll('-', '')}`;
const gateway = () => stripeGateway(stripeClient(cloud().stripe, cloud().stripe.apiUrl));
const browser = () => localStripeClient(cloud().stripe.publishableKey, cloud().stripe.apiUrl);
const resultOf = (orderId: string) => getPaymentResult(cloud().tableName, orderId);

/** Creates the order's intent and pays (or tries to pay) it with a test card. */
const pay = async (orderId: string, paymentMethod: string) => {
  const intent = await gateway().createIntent({ orderId, amount: 2599, currency: 'EUR' });
  await confirmLikeStripeJs(browser(), intent.paymentIntentId, intent.clientSecret, paymentMethod).catch(
    (error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    },
  );
  return intent;
};

/** The events the local Stripe sent about an intent, oldest first. */
const eventsOf = async (paymentIntentId: string) => {
  const res = await fetch(`${cloud().stripe.apiUrl}/_local/events`);
  const { data } = (await res.json()) as {
    data: { id: string; type: string; data: { object: { id: string } } }[];
  };
  return data.filter((e) => e.data.object.id === paymentIntentId);
};

/** Posts a webhook delivery to the API, signed with `secret` at `timestamp`. */
const deliver = (payload: string, secret = cloud().stripe.webhookSecret, timestamp?: number) =>
  api('/webhooks/stripe', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload,
        secret,
        ...(timestamp === undefined ? {} : { timestamp }),
      }),
    },
    body: payload,
  });

/** A payment_intent.succeeded event for an order, as Stripe would render it. */
const succeededEvent = (orderId: string) =>
  JSON.stringify({
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: Math.floor(Date.now() / 1000),
    api_version: Stripe.API_VERSION,
    data: {
      object: {
        id: 'pi_forged',
        object: 'payment_intent',
        amount: 1,
        currency: 'eur',
        metadata: { orderId },
        last_payment_error: null,
      },
    },
  });

beforeAll(() => {
  useLocalDynamo();
});

describe('POST /webhooks/stripe (through the local cloud)', () => {
  it('records a succeeded payment for the order once the shopper pays with pm_card_visa', async () => {
    const orderId = newOrderId();
    const intent = await pay(orderId, 'pm_card_visa');
    const result = await eventually(() => resultOf(orderId));
    expect(result).toMatchObject({
      orderId,
      outcome: 'succeeded',
      paymentIntentId: intent.paymentIntentId,
      eventType: 'payment_intent.succeeded',
      amount: 2599,
      currency: 'EUR',
    });
  });

  it('records a failed payment with the decline for pm_card_chargeDeclined', async () => {
    const orderId = newOrderId();
    await pay(orderId, 'pm_card_chargeDeclined');
    const result = await eventually(() => resultOf(orderId));
    expect(result).toMatchObject({
      outcome: 'failed',
      failure: { code: 'card_declined', declineCode: 'generic_decline' },
    });
  });

  it('has one effect when the same event is delivered again', async () => {
    const orderId = newOrderId();
    const intent = await pay(orderId, 'pm_card_visa');
    const first = await eventually(() => resultOf(orderId));
    const [event] = await eventsOf(intent.paymentIntentId);
    expect(event?.type).toBe('payment_intent.succeeded');
    // Stripe signs every attempt anew: a redelivery is the same body with a fresh signature.
    const again = await deliver(JSON.stringify(event));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, effect: 'duplicate' });
    expect(await resultOf(orderId)).toEqual(first);
  });

  it.each([
    ['signed with another secret', (p: string) => deliver(p, 'whsec_not_the_endpoint_secret')],
    [
      'signed 10 minutes ago (replayed outside the tolerance)',
      (p: string) => deliver(p, undefined, Math.floor(Date.now() / 1000) - 600),
    ],
    [
      'without a signature',
      (p: string) =>
        api('/webhooks/stripe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: p }),
    ],
  ])('answers 400 invalid_signature to a delivery %s, with no effect', async (_, send) => {
    const orderId = newOrderId();
    const res = await send(succeededEvent(orderId));
    expectProblem(res, 400, 'invalid_signature');
    expect(await resultOf(orderId)).toBeUndefined();
  });

  it('answers 200 and changes nothing for event types it does not act on', async () => {
    const payload = JSON.stringify({
      ...JSON.parse(succeededEvent(newOrderId())),
      type: 'customer.created',
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    const res = await deliver(payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, effect: 'ignored' });
  });
});
