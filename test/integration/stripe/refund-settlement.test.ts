import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StripeHarness, startStripe } from './harness.ts';
import { type Receiver, startReceiver } from './receiver.ts';

// Far beyond any test's run: a refund settles only when the test fast-forwards, so what it reads
// before that is the refund's first status, whatever the machine's speed.
const NEVER_BY_ITSELF = 3_600_000;

let endpoint: Receiver;
let h: StripeHarness;

beforeAll(async () => {
  endpoint = await startReceiver();
  h = await startStripe({
    webhookUrl: endpoint.url,
    webhookRetryDelayMs: 20,
    refundSettleDelayMs: NEVER_BY_ITSELF,
  });
});

afterAll(async () => {
  await h.local.stop();
  await endpoint.stop();
});

beforeEach(() => {
  endpoint.reset();
});

const paidWith = async (paymentMethod: string, amount = 5000) => {
  const intent = await h.stripe.paymentIntents.create({ amount, currency: 'eur' });
  return h.stripe.paymentIntents.confirm(intent.id, { payment_method: paymentMethod });
};

/** The intent's charge, read through the API as a client of Stripe reads it. */
const chargeOf = (intent: Stripe.PaymentIntent) => h.stripe.charges.retrieve(String(intent.latest_charge));

/** The events received about one intent, oldest first, each after checking its signature. */
const eventsOf = (intentId: string): Stripe.Event[] =>
  endpoint
    .received()
    .map((r) => h.stripe.webhooks.constructEvent(r.body, r.signature, h.local.webhookSecret))
    .filter((e) => {
      const object = e.data.object as { id: string; payment_intent?: unknown };
      return object.id === intentId || object.payment_intent === intentId;
    });

describe('the local Stripe refunds that settle later, driven by the stripe SDK', () => {
  it('creates a pm_card_refundFail refund succeeded, then fails it and gives the amount back', async () => {
    const intent = await paidWith('pm_card_refundFail');
    const created = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 2000 });
    expect(created).toMatchObject({ status: 'succeeded', amount: 2000 });
    expect(created.failure_reason).toBeUndefined();
    expect((await h.stripe.refunds.retrieve(created.id)).status).toBe('succeeded');
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 2000, refunded: false });

    expect(h.local.settleRefunds()).toBe(1);
    const failed = await h.stripe.refunds.retrieve(created.id);
    expect(failed).toMatchObject({
      id: created.id,
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
      amount: 2000,
    });
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 0, refunded: false });
    const listed = (await (await fetch(`${h.local.apiUrl}/_local/refunds`)).json()) as {
      data: { id: string; status: string }[];
    };
    expect(listed.data).toContainEqual(expect.objectContaining({ id: created.id, status: 'failed' }));

    await h.local.settled();
    const events = eventsOf(intent.id);
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
      'charge.refund.updated',
      'refund.updated',
      'refund.failed',
    ]);
    for (const event of events.slice(3)) {
      expect(event.data.object).toMatchObject({ id: created.id, object: 'refund', status: 'failed' });
      expect(event.data.previous_attributes).toEqual({ status: 'succeeded' });
      // No API call caused the failure.
      expect(event.request).toEqual({ id: null, idempotency_key: null });
    }
    expect(events[1]?.request?.id).toMatch(/^req_/);

    // The money is back on the charge, so the whole amount can be refunded again.
    const again = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(again.amount).toBe(5000);
    // Same card, same course: this one fails too.
    expect(h.local.settleRefunds()).toBe(1);
    expect((await h.stripe.refunds.retrieve(again.id)).status).toBe('failed');
  });

  it('creates a pm_card_pendingRefund refund pending, then succeeds it (settled over HTTP)', async () => {
    const intent = await paidWith('pm_card_pendingRefund', 1200);
    const created = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(created.status).toBe('pending');
    expect((await h.stripe.refunds.retrieve(created.id)).status).toBe('pending');
    // A pending refund already counts: nothing is left to refund.
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 1200, refunded: true });

    const settle = await fetch(`${h.local.apiUrl}/_local/refunds/settle`, { method: 'POST' });
    expect(await settle.json()).toEqual({ settled: 1 });
    expect(await h.stripe.refunds.retrieve(created.id)).toMatchObject({ status: 'succeeded' });
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 1200, refunded: true });

    await h.local.settled();
    const events = eventsOf(intent.id);
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
      'charge.refund.updated',
      'refund.updated',
    ]);
    expect(events[1]?.data.object).toMatchObject({ id: created.id, status: 'pending' });
    expect(events[4]?.data).toMatchObject({
      object: { id: created.id, status: 'succeeded' },
      previous_attributes: { status: 'pending' },
    });
  });

  it('settles nothing for an ordinary card: its refund succeeded for good', async () => {
    const intent = await paidWith('pm_card_visa');
    const created = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(created.status).toBe('succeeded');
    expect(h.local.settleRefunds()).toBe(0);
    await h.local.settled();
    expect(eventsOf(intent.id).map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
    ]);
  });
});

describe('the local Stripe settling refunds by itself', () => {
  it('fails a pm_card_refundFail refund after the delay, with no one fast-forwarding', async () => {
    const quick = await startStripe({ refundSettleDelayMs: 0 });
    try {
      const intent = await quick.stripe.paymentIntents.create({ amount: 800, currency: 'eur' });
      await quick.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_refundFail' });
      const created = await quick.stripe.refunds.create({ payment_intent: intent.id });
      // settled() waits for refunds that are still to settle, then for their events.
      await quick.local.settled();
      expect((await quick.stripe.refunds.retrieve(created.id)).status).toBe('failed');
      expect(quick.local.events().map((e) => e.type)).toContain('refund.failed');
    } finally {
      await quick.local.stop();
    }
  });
});
