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

const paidIntent = async (amount = 5000) => {
  const intent = await h.stripe.paymentIntents.create({ amount, currency: 'eur' });
  return h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
};

/** The intent's charge, read through the API as a client of Stripe reads it. */
const chargeOf = (intent: Stripe.PaymentIntent) => h.stripe.charges.retrieve(String(intent.latest_charge));

describe('the local Stripe Refunds API, driven by the stripe SDK', () => {
  it('refunds in parts, tracks the refunded total and marks the charge refunded when full', async () => {
    const intent = await paidIntent();
    const first = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 1200,
      reason: 'requested_by_customer',
      metadata: { returnId: 'ret_1' },
    });
    expect(first).toMatchObject({
      object: 'refund',
      amount: 1200,
      currency: 'eur',
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
      metadata: { returnId: 'ret_1' },
    });
    expect(first.id).toMatch(/^re_/);
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 1200, refunded: false });

    const rest = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3800);
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 5000, refunded: true });
    const { lastResponse: _, ...fetched } = await h.stripe.refunds.retrieve(first.id);
    const { lastResponse: __, ...original } = first;
    expect(fetched).toEqual(original);

    const again = await rejection(h.stripe.refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('never refunds more than is left on the charge', async () => {
    const intent = await paidIntent(1000);
    await h.stripe.refunds.create({ payment_intent: intent.id, amount: 600 });
    const error = await rejection(h.stripe.refunds.create({ payment_intent: intent.id, amount: 401 }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      param: 'amount',
      message: 'Refund amount (€4.01) is greater than unrefunded amount on charge (€4.00)',
    });
    // Stripe answers this one without an error code.
    expect(error.code).toBeUndefined();
    expect(await chargeOf(intent)).toMatchObject({ amount_refunded: 600, refunded: false });
  });

  it('refunds only succeeded intents', async () => {
    const open = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    const error = await rejection(h.stripe.refunds.create({ payment_intent: open.id }));
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const missing = await rejection(h.stripe.refunds.create({ payment_intent: 'pi_missing' }));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('answers an unknown refund with 404', async () => {
    const error = await rejection(h.stripe.refunds.retrieve('re_missing'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('the local Stripe charges, read through the API', () => {
  it('shows the refunded total on the charge, and the intent unchanged by refunds', async () => {
    const intent = await paidIntent(3000);
    await h.stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    expect(await chargeOf(intent)).toMatchObject({
      object: 'charge',
      id: intent.latest_charge,
      payment_intent: intent.id,
      amount: 3000,
      amount_captured: 3000,
      amount_refunded: 1000,
      refunded: false,
      status: 'succeeded',
    });
    // Refunds live on the charge; the PaymentIntent still shows what it received.
    expect(await h.stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: 'succeeded',
      amount_received: 3000,
    });
  });

  it('answers an unknown charge with 404 and refuses the publishable key', async () => {
    const missing = await rejection(h.stripe.charges.retrieve('ch_missing'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    const intent = await paidIntent(100);
    const browser = await rejection(h.browser.charges.retrieve(String(intent.latest_charge)));
    expect(browser).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});
