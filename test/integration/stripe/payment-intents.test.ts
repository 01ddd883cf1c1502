import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, type StripeHarness, startStripe } from './harness.ts';

let h: StripeHarness;
beforeAll(async () => {
  h = await startStripe();
});
afterAll(async () => {
  await h.local.stop();
});

const newIntent = (amount = 2599) =>
  h.stripe.paymentIntents.create({
    amount,
    currency: 'EUR',
    metadata: { orderId: 'ord_1', cartId: 'cart_9' },
    description: 'Order ord_1',
    allowed_payment_method_types: ['card'],
  });

describe('the local Stripe PaymentIntents API, driven by the stripe SDK', () => {
  it('creates an intent shaped like Stripe’s and retrieves it', async () => {
    const created = await newIntent();
    expect(created).toMatchObject({
      object: 'payment_intent',
      amount: 2599,
      currency: 'eur',
      status: 'requires_payment_method',
      metadata: { orderId: 'ord_1', cartId: 'cart_9' },
      description: 'Order ord_1',
      latest_charge: null,
      last_payment_error: null,
      next_action: null,
      livemode: false,
      allowed_payment_method_types: ['card'],
      payment_method_types: ['card'],
      automatic_payment_methods: null,
    });
    expect(created.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_[A-Za-z0-9]+$`));
    expect(created.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(created.lastResponse.requestId).toMatch(/^req_/);
    const { lastResponse: _, ...fetched } = await h.stripe.paymentIntents.retrieve(created.id);
    const { lastResponse: __, ...original } = created;
    expect(fetched).toEqual(original);
  });

  it('enables automatic payment methods when no types are given', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    expect(intent.automatic_payment_methods).toEqual({ enabled: true });
    expect(intent.payment_method_types).toEqual(['card']);
  });

  it('accepts payment_method_types as older API versions send it, but not with another way of choosing', async () => {
    const legacy = { amount: 100, currency: 'usd', payment_method_types: ['card'] };
    const intent = await h.stripe.paymentIntents.create(legacy as Stripe.PaymentIntentCreateParams);
    expect(intent.automatic_payment_methods).toBeNull();
    const both = { ...legacy, automatic_payment_methods: { enabled: true } };
    const error = await rejection(h.stripe.paymentIntents.create(both as Stripe.PaymentIntentCreateParams));
    expect(error).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });

  it('succeeds with pm_card_visa and records the charge', async () => {
    const intent = await newIntent();
    const paid = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount_received: 2599,
      payment_method: 'pm_card_visa',
    });
    expect(paid.latest_charge).toMatch(/^ch_/);
    expect(h.local.charges().find((c) => c.id === paid.latest_charge)).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 2599,
      payment_intent: intent.id,
    });
  });

  it('declines pm_card_chargeDeclined with a StripeCardError and leaves the intent payable', async () => {
    const intent = await newIntent();
    const error = await rejection(
      h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    const after = await h.stripe.paymentIntents.retrieve(intent.id);
    expect(after).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(after.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    const retried = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  it('asks for authentication with pm_card_authenticationRequired; a second confirm completes it', async () => {
    const intent = await newIntent();
    const first = await h.stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_authenticationRequired',
    });
    expect(first.status).toBe('requires_action');
    expect(first.next_action?.type).toBe('use_stripe_sdk');
    expect(first.latest_charge).toBeNull();
    const second = await h.stripe.paymentIntents.confirm(intent.id);
    expect(second).toMatchObject({ status: 'succeeded', next_action: null, amount_received: 2599 });
  });

  it('answers an unknown payment method with 400 resource_missing', async () => {
    const intent = await newIntent();
    const error = await rejection(h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_nope' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
  });

  it('cancels an open intent but not a succeeded one', async () => {
    const open = await newIntent();
    const canceled = await h.stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    const confirmAfter = await rejection(
      h.stripe.paymentIntents.confirm(open.id, { payment_method: 'pm_card_visa' }),
    );
    expect(confirmAfter).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    const paid = await newIntent();
    await h.stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' });
    const error = await rejection(h.stripe.paymentIntents.cancel(paid.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect((await h.stripe.paymentIntents.retrieve(paid.id)).status).toBe('succeeded');
  });

  it.each([
    { params: { amount: 100, currency: 'eur', tip: 5 }, code: 'parameter_unknown', param: 'tip' },
    { params: { currency: 'eur' }, code: 'parameter_missing', param: 'amount' },
    { params: { amount: 0, currency: 'eur' }, code: 'amount_too_small', param: 'amount' },
    {
      params: { amount: 100, currency: 'eur', capture_method: 'manual' },
      code: undefined,
      param: 'capture_method',
    },
    { params: { amount: 100, currency: 'euro' }, code: undefined, param: 'currency' },
  ])('rejects create params $params as 400 $code', async ({ params, code, param }) => {
    const error = await rejection(h.stripe.paymentIntents.create(params as Stripe.PaymentIntentCreateParams));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param });
    expect(error.code).toBe(code);
  });

  it.each([
    { amount: 49, currency: 'eur', message: 'Amount must be at least €0.50 eur' },
    { amount: 49, currency: 'usd', message: 'Amount must be at least $0.50 usd' },
    { amount: 29, currency: 'gbp', message: 'Amount must be at least £0.30 gbp' },
    { amount: 49, currency: 'jpy', message: 'Amount must be at least ¥50 jpy' },
  ])(
    'refuses $amount $currency as Stripe does: below its minimum charge',
    async ({ amount, currency, message }) => {
      const error = await rejection(h.stripe.paymentIntents.create({ amount, currency }));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 400, code: 'amount_too_small', param: 'amount', message });
      // One minor unit more is Stripe's minimum itself: accepted.
      expect((await h.stripe.paymentIntents.create({ amount: amount + 1, currency })).amount).toBe(
        amount + 1,
      );
    },
  );

  it('answers an unknown intent with 404 resource_missing', async () => {
    const error = await rejection(h.stripe.paymentIntents.retrieve('pi_doesNotExist'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('lists every intent at the local-only inspection path', async () => {
    const intent = await newIntent();
    const listed = (await (await fetch(`${h.local.apiUrl}/_local/payment_intents`)).json()) as {
      data: { id: string }[];
    };
    expect(listed.data.map((i) => i.id)).toContain(intent.id);
  });
});
