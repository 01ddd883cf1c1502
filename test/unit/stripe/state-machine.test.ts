import { describe, expect, it } from 'vitest';
import { StripeApiError } from '#local/stripe/errors.ts';
import type { ChargeObject, PaymentIntentObject } from '#local/stripe/objects.ts';
import { testPaymentMethod } from '#local/stripe/payment-methods.ts';
import { cancel, confirm, refund } from '#local/stripe/state-machine.ts';

let counter = 0;
const ctx = { now: 1_700_000_000, newId: (prefix: string) => `${prefix}_${++counter}` };

const intent = (overrides: Partial<PaymentIntentObject> = {}): PaymentIntentObject => ({
  id: 'pi_1',
  object: 'payment_intent',
  allowed_payment_method_types: null,
  amount: 1000,
  amount_capturable: 0,
  amount_received: 0,
  automatic_payment_methods: { enabled: true },
  canceled_at: null,
  cancellation_reason: null,
  capture_method: 'automatic_async',
  client_secret: 'pi_1_secret_x',
  confirmation_method: 'automatic',
  created: 1,
  currency: 'eur',
  customer: null,
  description: null,
  last_payment_error: null,
  latest_charge: null,
  livemode: false,
  metadata: { orderId: 'o1' },
  next_action: null,
  payment_method: null,
  payment_method_types: ['card'],
  receipt_email: null,
  status: 'requires_payment_method',
  ...overrides,
});

const card = (id: string) => {
  const behaviour = testPaymentMethod(id);
  if (!behaviour) throw new Error(`unknown ${id}`);
  return behaviour;
};

const errorOf = (fn: () => unknown): StripeApiError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error('expected a StripeApiError');
};

const codeOf = (fn: () => unknown) => {
  const error = errorOf(fn);
  return [error.statusCode, error.body.code];
};

describe('the local Stripe payment state machine', () => {
  it('succeeds a visa payment with a succeeded charge', () => {
    const t = confirm(intent(), 'pm_card_visa', card('pm_card_visa'), ctx);
    expect(t.intent).toMatchObject({
      status: 'succeeded',
      amount_received: 1000,
      latest_charge: t.charge?.id,
    });
    expect(t.charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount_captured: 1000,
      metadata: { orderId: 'o1' },
    });
    expect(t.event).toBe('payment_intent.succeeded');
    expect(t.declined).toBeUndefined();
  });

  it('returns a declined intent to requires_payment_method with the error it answers with', () => {
    const t = confirm(intent(), 'pm_card_chargeDeclined', card('pm_card_chargeDeclined'), ctx);
    expect(t.intent).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(t.intent.last_payment_error).toMatchObject({
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(t.charge).toMatchObject({ status: 'failed', paid: false, failure_code: 'card_declined' });
    expect(t.declined).toMatchObject({ type: 'card_error', code: 'card_declined', charge: t.charge?.id });
    expect(t.event).toBe('payment_intent.payment_failed');
  });

  it('requires action first for an authentication card, then succeeds on the second confirm', () => {
    const auth = card('pm_card_authenticationRequired');
    const first = confirm(intent(), 'pm_card_authenticationRequired', auth, ctx);
    expect(first.intent.status).toBe('requires_action');
    expect(first.intent.next_action?.type).toBe('use_stripe_sdk');
    expect(first.charge).toBeUndefined();
    expect(first.event).toBe('payment_intent.requires_action');
    const second = confirm(first.intent, 'pm_card_authenticationRequired', auth, ctx);
    expect(second.intent).toMatchObject({ status: 'succeeded', next_action: null });
  });

  it('treats a different method on a requires_action intent as a new attempt', () => {
    const first = confirm(
      intent(),
      'pm_card_authenticationRequired',
      card('pm_card_authenticationRequired'),
      ctx,
    );
    const declined = confirm(first.intent, 'pm_card_chargeDeclined', card('pm_card_chargeDeclined'), ctx);
    expect(declined.intent.status).toBe('requires_payment_method');
  });

  it.each(['succeeded', 'canceled'] as const)('refuses to confirm a %s intent', (status) => {
    expect(codeOf(() => confirm(intent({ status }), 'pm_card_visa', card('pm_card_visa'), ctx))).toEqual([
      400,
      'payment_intent_unexpected_state',
    ]);
  });

  it.each(['requires_payment_method', 'requires_action'] as const)('cancels a %s intent', (status) => {
    const t = cancel(intent({ status }), 'requested_by_customer', ctx);
    expect(t.intent).toMatchObject({
      status: 'canceled',
      canceled_at: ctx.now,
      cancellation_reason: 'requested_by_customer',
    });
    expect(t.event).toBe('payment_intent.canceled');
  });

  it.each(['succeeded', 'canceled'] as const)('refuses to cancel a %s intent', (status) => {
    expect(codeOf(() => cancel(intent({ status }), null, ctx))).toEqual([
      400,
      'payment_intent_unexpected_state',
    ]);
  });
});

describe('the local Stripe refunds', () => {
  const paid = (): ChargeObject => {
    const charge = confirm(intent(), 'pm_card_visa', card('pm_card_visa'), ctx).charge;
    if (!charge) throw new Error('no charge');
    return charge;
  };

  it('refunds what is left by default and marks the charge refunded', () => {
    const t = refund(paid(), { metadata: {} }, ctx);
    expect(t.refund).toMatchObject({ amount: 1000, status: 'succeeded', payment_intent: 'pi_1' });
    expect(t.charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(t.events).toEqual([
      { type: 'refund.created', object: t.refund },
      { type: 'charge.refunded', object: t.charge, previous: { amount_refunded: 0, refunded: false } },
    ]);
  });

  it('adds partial refunds up to the amount and no further', () => {
    const first = refund(paid(), { amount: 400, metadata: {} }, ctx);
    expect(first.charge).toMatchObject({ amount_refunded: 400, refunded: false });
    // A partial refund is still `charge.refunded`; only the refunded total changed.
    expect(first.events[1]).toEqual({
      type: 'charge.refunded',
      object: first.charge,
      previous: { amount_refunded: 0 },
    });
    const tooMuch = errorOf(() => refund(first.charge, { amount: 601, metadata: {} }, ctx));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toEqual({
      type: 'invalid_request_error',
      message: 'Refund amount (€6.01) is greater than unrefunded amount on charge (€6.00)',
      param: 'amount',
    });
    const rest = refund(first.charge, { amount: 600, metadata: {} }, ctx);
    expect(rest.charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(codeOf(() => refund(rest.charge, { metadata: {} }, ctx))).toEqual([
      400,
      'charge_already_refunded',
    ]);
  });

  it('refuses to refund a failed charge', () => {
    const failed = confirm(intent(), 'pm_card_chargeDeclined', card('pm_card_chargeDeclined'), ctx).charge;
    if (!failed) throw new Error('no charge');
    expect(codeOf(() => refund(failed, { metadata: {} }, ctx))).toEqual([400, 'charge_not_refundable']);
  });
});
