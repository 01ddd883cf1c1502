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

describe('the local Stripe keys', () => {
  it('generates test-mode keys at start', () => {
    expect(h.local.secretKey).toMatch(/^sk_test_[A-Za-z0-9]+$/);
    expect(h.local.publishableKey).toMatch(/^pk_test_[A-Za-z0-9]+$/);
    expect(h.local.webhookSecret).toMatch(/^whsec_[A-Za-z0-9]+$/);
  });

  it('rejects an unknown key with a StripeAuthenticationError', async () => {
    const stranger = new Stripe('sk_test_unknown', {
      host: '127.0.0.1',
      port: h.local.port,
      protocol: 'http',
    });
    const error = await rejection(stranger.paymentIntents.create({ amount: 100, currency: 'eur' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it('refuses server-only calls made with the publishable key', async () => {
    const error = await rejection(h.browser.paymentIntents.create({ amount: 100, currency: 'eur' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.code).toBe('secret_key_required');
  });

  it('lets the publishable key confirm (and read) an intent only with its client secret', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 900, currency: 'eur' });
    const without = await rejection(
      h.browser.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }),
    );
    expect(without).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const wrong = await rejection(
      h.browser.paymentIntents.confirm(intent.id, {
        payment_method: 'pm_card_visa',
        client_secret: `${intent.id}_secret_wrong`,
      } as Stripe.PaymentIntentConfirmParams),
    );
    expect(wrong).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(wrong.param).toBe('client_secret');
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

    const paid = await h.browser.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_visa',
      client_secret: intent.client_secret,
    } as Stripe.PaymentIntentConfirmParams);
    expect(paid.status).toBe('succeeded');
    const read = await h.browser.paymentIntents.retrieve(intent.id, {
      client_secret: intent.client_secret,
    } as Stripe.PaymentIntentRetrieveParams);
    expect(read.status).toBe('succeeded');
  });
});

describe('the local Stripe idempotency keys', () => {
  it('replays the first response for the same key and parameters', async () => {
    const params = { amount: 4200, currency: 'eur', metadata: { orderId: 'ord_idem' } };
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'checkout-ord_idem' });
    const second = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'checkout-ord_idem' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(h.local.paymentIntents().filter((i) => i.metadata.orderId === 'ord_idem')).toHaveLength(1);
  });

  it('replays a decline instead of charging again', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 100, currency: 'eur' });
    const confirm = () =>
      h.stripe.paymentIntents.confirm(
        intent.id,
        { payment_method: 'pm_card_chargeDeclined' },
        { idempotencyKey: `confirm-${intent.id}` },
      );
    const first = await rejection(confirm());
    const second = await rejection(confirm());
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.charge).toBe(first.charge);
    expect(h.local.charges().filter((c) => c.payment_intent === intent.id)).toHaveLength(1);
  });

  it('refuses the same key with different parameters', async () => {
    await h.stripe.paymentIntents.create({ amount: 100, currency: 'eur' }, { idempotencyKey: 'reused-key' });
    const error = await rejection(
      h.stripe.paymentIntents.create({ amount: 200, currency: 'eur' }, { idempotencyKey: 'reused-key' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
  });

  it('saves nothing when the parameters were invalid, so the key can be used again', async () => {
    const bad = await rejection(
      h.stripe.paymentIntents.create({ amount: -1, currency: 'eur' }, { idempotencyKey: 'fix-and-retry' }),
    );
    expect(bad.statusCode).toBe(400);
    const good = await h.stripe.paymentIntents.create(
      { amount: 100, currency: 'eur' },
      { idempotencyKey: 'fix-and-retry' },
    );
    expect(good.status).toBe('requires_payment_method');
  });
});
