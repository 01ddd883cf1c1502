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

const charge = (id: unknown) => h.local.charges().find((c) => c.id === id);

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
    expect(charge(intent.latest_charge)).toMatchObject({ amount_refunded: 1200, refunded: false });

    const rest = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3800);
    expect(charge(intent.latest_charge)).toMatchObject({ amount_refunded: 5000, refunded: true });
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
    expect(charge(intent.latest_charge)).toMatchObject({ amount_refunded: 600, refunded: false });
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
