import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StripeHarness, startStripe } from './harness.ts';
import { type Receiver, startReceiver } from './receiver.ts';

let endpoint: Receiver;
let h: StripeHarness;

beforeAll(async () => {
  endpoint = await startReceiver();
  h = await startStripe({ webhookUrl: endpoint.url, webhookRetryDelayMs: 20 });
});

afterAll(async () => {
  await h.local.stop();
  await endpoint.stop();
});

beforeEach(() => {
  endpoint.reset();
});

/** Every received event, after checking its signature as the API's route will. */
const verified = () =>
  endpoint
    .received()
    .map((r) => h.stripe.webhooks.constructEvent(r.body, r.signature, h.local.webhookSecret));

describe('the local Stripe webhooks', () => {
  it('posts each state change, signed exactly as Stripe signs, in order per intent', async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 700,
      currency: 'eur',
      metadata: { orderId: 'o7' },
    });
    await expect(
      h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }),
    ).rejects.toThrow();
    await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_authenticationRequired' });
    await h.stripe.paymentIntents.confirm(intent.id, {}, { idempotencyKey: `3ds-${intent.id}` });
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 700 });
    await h.local.settled();

    const events = verified();
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.payment_failed',
      'payment_intent.requires_action',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        object: 'event',
        livemode: false,
        pending_webhooks: 1,
        api_version: Stripe.API_VERSION,
      });
      expect(event.id).toMatch(/^evt_/);
      expect(event.request?.id).toMatch(/^req_/);
    }
    const succeeded = events[2] as Stripe.PaymentIntentSucceededEvent;
    expect(succeeded.data.object).toMatchObject({
      id: intent.id,
      status: 'succeeded',
      metadata: { orderId: 'o7' },
    });
    expect(succeeded.request?.idempotency_key).toBe(`3ds-${intent.id}`);
    const created = events[3] as Stripe.RefundCreatedEvent;
    expect(created.data.object).toMatchObject({
      object: 'refund',
      id: refund.id,
      payment_intent: intent.id,
      status: 'succeeded',
    });
    const refunded = events[4] as Stripe.ChargeRefundedEvent;
    expect(refunded.data.object).toMatchObject({
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 700,
      refunded: true,
    });
    expect(refunded.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    expect(h.local.deliveries().filter((d) => d.status !== 'delivered')).toEqual([]);
  });

  it('sends payment_intent.canceled', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 700, currency: 'eur' });
    await h.stripe.paymentIntents.cancel(intent.id);
    await h.local.settled();
    expect(verified().map((e) => [e.type, (e.data.object as { id: string }).id])).toEqual([
      ['payment_intent.canceled', intent.id],
    ]);
  });

  it('produces signatures that fail verification once the body is tampered with', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 700, currency: 'eur' });
    await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await h.local.settled();
    const [delivery] = endpoint.received();
    if (!delivery) throw new Error('no delivery');
    const tampered = delivery.body.replace('"amount": 700', '"amount": 1');
    expect(tampered).not.toBe(delivery.body);
    expect(() =>
      h.stripe.webhooks.constructEvent(tampered, delivery.signature, h.local.webhookSecret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => h.stripe.webhooks.constructEvent(delivery.body, delivery.signature, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('retries a failing endpoint with backoff, then delivers', async () => {
    endpoint.failNext(2);
    const intent = await h.stripe.paymentIntents.create({ amount: 700, currency: 'eur' });
    await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await h.local.settled();
    expect(verified().map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    const delivery = h.local.deliveries().at(-1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200 });
  });
});

describe('the local Stripe without a reachable webhook endpoint', () => {
  it('keeps answering, records the failed deliveries and lists them at /_local/deliveries', async () => {
    const lonely = await startStripe({
      webhookUrl: 'http://127.0.0.1:9/webhooks/stripe',
      webhookRetryDelayMs: 5,
    });
    try {
      const intent = await lonely.stripe.paymentIntents.create({ amount: 300, currency: 'eur' });
      const paid = await lonely.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
      expect(paid.status).toBe('succeeded');
      await lonely.local.settled();
      const listed = (await (await fetch(`${lonely.local.apiUrl}/_local/deliveries`)).json()) as {
        data: { status: string; attempts: number; event: { type: string } }[];
      };
      expect(listed.data).toEqual([
        expect.objectContaining({
          status: 'failed',
          attempts: 4,
          event: expect.objectContaining({ type: 'payment_intent.succeeded' }),
        }),
      ]);
    } finally {
      await lonely.local.stop();
    }
  });

  it('records events without delivering them when no URL is configured', async () => {
    const quiet = await startStripe();
    try {
      const intent = await quiet.stripe.paymentIntents.create({ amount: 300, currency: 'eur' });
      await quiet.stripe.paymentIntents.cancel(intent.id);
      await quiet.local.settled();
      expect(quiet.local.events().map((e) => e.type)).toEqual(['payment_intent.canceled']);
      expect(quiet.local.deliveries()).toEqual([]);
    } finally {
      await quiet.local.stop();
    }
  });
});
