import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PaymentAlreadySucceededError,
  PaymentIntentNotFoundError,
  PaymentProviderError,
  PaymentProviderUnavailableError,
} from '#contexts/payments/domain/errors.ts';
import type { PaymentGateway } from '#contexts/payments/domain/gateway.ts';
import { stripeClient, stripeGateway } from '#contexts/payments/stripe/gateway.ts';
import type { StripeKeys } from '#contexts/payments/stripe/keys.ts';
import { confirmLikeStripeJs } from '../../support/payments.ts';
import { rejection, type StripeHarness, startStripe } from '../stripe/harness.ts';

let h: StripeHarness;
let keys: StripeKeys;
let gateway: PaymentGateway;
let order = 0;
const newOrderId = () => `ord_${Date.now()}_${++order}`;

/** The error a promise rejects with (any kind), failing the test when it resolves. */
const failure = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

beforeAll(async () => {
  h = await startStripe();
  keys = {
    secretKey: h.local.secretKey,
    publishableKey: h.local.publishableKey,
    webhookSecret: h.local.webhookSecret,
  };
  gateway = stripeGateway(stripeClient(keys, h.local.apiUrl));
});
afterAll(() => h.local.stop());

describe('Stripe gateway (the production adapter against the local Stripe)', () => {
  it('creates a card PaymentIntent for the order: amount in minor units, lower-case currency, metadata', async () => {
    const orderId = newOrderId();
    const created = await gateway.createIntent({ orderId, amount: 4999, currency: 'EUR' });
    expect(created).toMatchObject({
      status: 'requires_payment_method',
      amount: 4999,
      currency: 'EUR',
      orderId,
    });
    expect(created.clientSecret).toMatch(new RegExp(`^${created.paymentIntentId}_secret_`));
    const stored = h.local.paymentIntents().find((pi) => pi.id === created.paymentIntentId);
    expect(stored).toMatchObject({ amount: 4999, currency: 'eur', metadata: { orderId } });
    expect(stored?.allowed_payment_method_types).toEqual(['card']);
  });

  it('creates exactly one PaymentIntent when a step creates it twice for the same order', async () => {
    const orderId = newOrderId();
    const first = await gateway.createIntent({ orderId, amount: 1200, currency: 'USD' });
    const second = await gateway.createIntent({ orderId, amount: 1200, currency: 'USD' });
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => gateway.createIntent({ orderId, amount: 1200, currency: 'USD' })),
    );
    const ids = new Set([first, second, ...concurrent].map((i) => i.paymentIntentId));
    expect(ids.size).toBe(1);
    expect(h.local.paymentIntents().filter((pi) => pi.metadata.orderId === orderId)).toHaveLength(1);
  });

  it('cancels an intent, and a second cancel is success too', async () => {
    const { paymentIntentId } = await gateway.createIntent({
      orderId: newOrderId(),
      amount: 500,
      currency: 'GBP',
    });
    expect((await gateway.cancelIntent(paymentIntentId)).status).toBe('canceled');
    expect((await gateway.cancelIntent(paymentIntentId)).status).toBe('canceled');
  });

  it('refuses to cancel a paid intent with payment_already_succeeded (409)', async () => {
    const { paymentIntentId, clientSecret } = await gateway.createIntent({
      orderId: newOrderId(),
      amount: 800,
      currency: 'EUR',
    });
    await confirmLikeStripeJs(h.browser, paymentIntentId, clientSecret, 'pm_card_visa');
    const error = await failure(gateway.cancelIntent(paymentIntentId));
    expect(error).toBeInstanceOf(PaymentAlreadySucceededError);
    expect(error).toMatchObject({ statusCode: 409, code: 'payment_already_succeeded' });
    expect((await gateway.retrieveIntent(paymentIntentId)).status).toBe('succeeded');
  });

  it('shows a declined attempt on the intent, which can then be cancelled', async () => {
    const { paymentIntentId, clientSecret } = await gateway.createIntent({
      orderId: newOrderId(),
      amount: 2500,
      currency: 'EUR',
    });
    const declined = await rejection(
      confirmLikeStripeJs(h.browser, paymentIntentId, clientSecret, 'pm_card_chargeDeclined'),
    );
    expect(declined.type).toBe('StripeCardError');
    const after = await gateway.retrieveIntent(paymentIntentId);
    expect(after).toMatchObject({
      status: 'requires_payment_method',
      lastError: { code: 'card_declined', declineCode: 'generic_decline' },
    });
    expect((await gateway.cancelIntent(paymentIntentId)).status).toBe('canceled');
  });

  it('refunds once per refund key', async () => {
    const orderId = newOrderId();
    const { paymentIntentId, clientSecret } = await gateway.createIntent({
      orderId,
      amount: 3000,
      currency: 'EUR',
    });
    await confirmLikeStripeJs(h.browser, paymentIntentId, clientSecret, 'pm_card_visa');
    const first = await gateway.refund({ orderId, paymentIntentId, amount: 1000, refundKey: 'return-1' });
    const again = await gateway.refund({ orderId, paymentIntentId, amount: 1000, refundKey: 'return-1' });
    expect(again.refundId).toBe(first.refundId);
    const other = await gateway.refund({ orderId, paymentIntentId, amount: 1000, refundKey: 'return-2' });
    expect(other.refundId).not.toBe(first.refundId);
    const charge = h.local.charges().find((c) => c.payment_intent === paymentIntentId);
    expect(charge?.amount_refunded).toBe(2000);
  });

  it('answers payment_intent_not_found for an intent Stripe does not know', async () => {
    const error = await failure(gateway.retrieveIntent('pi_doesnotexist'));
    expect(error).toBeInstanceOf(PaymentIntentNotFoundError);
  });

  it('answers payment_provider_error (502) when Stripe refuses the keys', async () => {
    const wrong = stripeGateway(stripeClient({ ...keys, secretKey: 'sk_test_notthekey' }, h.local.apiUrl));
    const error = await failure(wrong.createIntent({ orderId: newOrderId(), amount: 100, currency: 'EUR' }));
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({ statusCode: 502, code: 'payment_provider_error' });
  });

  it('answers payment_provider_unavailable (503) when Stripe cannot be reached, after the retries', async () => {
    const gone = await startStripe();
    await gone.local.stop();
    const unreachable = stripeGateway(stripeClient(keys, gone.local.apiUrl));
    const error = await failure(
      unreachable.createIntent({ orderId: newOrderId(), amount: 100, currency: 'EUR' }),
    );
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
    expect(error).toMatchObject({ statusCode: 503, code: 'payment_provider_unavailable' });
  });
});
