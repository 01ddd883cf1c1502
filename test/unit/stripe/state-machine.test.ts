import { describe, expect, it } from 'vitest';
import { StripeApiError } from '#local/stripe/errors.ts';
import type { ChargeObject, PaymentIntentObject } from '#local/stripe/objects.ts';
import {
  IMMEDIATE_REFUND,
  type RefundCourse,
  refundCourse,
  testPaymentMethod,
} from '#local/stripe/payment-methods.ts';
import { cancel, confirm, refund, settleRefund } from '#local/stripe/state-machine.ts';

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
    const t = refund(paid(), { metadata: {} }, IMMEDIATE_REFUND, ctx);
    expect(t.refund).toMatchObject({ amount: 1000, status: 'succeeded', payment_intent: 'pi_1' });
    expect(t.charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(t.events).toEqual([
      { type: 'refund.created', object: t.refund },
      { type: 'charge.refunded', object: t.charge, previous: { amount_refunded: 0, refunded: false } },
    ]);
  });

  it('adds partial refunds up to the amount and no further', () => {
    const first = refund(paid(), { amount: 400, metadata: {} }, IMMEDIATE_REFUND, ctx);
    expect(first.charge).toMatchObject({ amount_refunded: 400, refunded: false });
    // A partial refund is still `charge.refunded`; only the refunded total changed.
    expect(first.events[1]).toEqual({
      type: 'charge.refunded',
      object: first.charge,
      previous: { amount_refunded: 0 },
    });
    const tooMuch = errorOf(() => refund(first.charge, { amount: 601, metadata: {} }, IMMEDIATE_REFUND, ctx));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toEqual({
      type: 'invalid_request_error',
      message: 'Refund amount (€6.01) is greater than unrefunded amount on charge (€6.00)',
      param: 'amount',
    });
    const rest = refund(first.charge, { amount: 600, metadata: {} }, IMMEDIATE_REFUND, ctx);
    expect(rest.charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(codeOf(() => refund(rest.charge, { metadata: {} }, IMMEDIATE_REFUND, ctx))).toEqual([
      400,
      'charge_already_refunded',
    ]);
  });

  it('refuses to refund a failed charge', () => {
    const failed = confirm(intent(), 'pm_card_chargeDeclined', card('pm_card_chargeDeclined'), ctx).charge;
    if (!failed) throw new Error('no charge');
    expect(codeOf(() => refund(failed, { metadata: {} }, IMMEDIATE_REFUND, ctx))).toEqual([
      400,
      'charge_not_refundable',
    ]);
  });
});

describe('the local Stripe refunds that settle later', () => {
  const paidWith = (paymentMethod: string): ChargeObject => {
    const charge = confirm(intent(), paymentMethod, card(paymentMethod), ctx).charge;
    if (!charge) throw new Error('no charge');
    return charge;
  };
  const failing = refundCourse('pm_card_refundFail');
  const pending = refundCourse('pm_card_pendingRefund');

  it.each([
    ['pm_card_visa', { created: 'succeeded' }],
    [
      'pm_card_refundFail',
      { created: 'succeeded', later: { status: 'failed', failureReason: 'expired_or_canceled_card' } },
    ],
    ['pm_card_pendingRefund', { created: 'pending', later: { status: 'succeeded' } }],
  ] satisfies [string, RefundCourse][])(
    'gives refunds of %s charges the course %o',
    (paymentMethod, course) => {
      expect(refundCourse(paymentMethod)).toEqual(course);
    },
  );

  it('creates a pending refund that already counts in the refunded total', () => {
    const t = refund(paidWith('pm_card_pendingRefund'), { metadata: {} }, pending, ctx);
    expect(t.refund.status).toBe('pending');
    expect(t.charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(t.events.map((e) => e.type)).toEqual(['refund.created', 'charge.refunded']);
  });

  it('settles a pending refund as succeeded without touching the charge', () => {
    const created = refund(paidWith('pm_card_pendingRefund'), { amount: 300, metadata: {} }, pending, ctx);
    const settled = settleRefund(created.refund, created.charge, { status: 'succeeded' });
    expect(settled.refund).toEqual({ ...created.refund, status: 'succeeded' });
    expect(settled.charge).toEqual(created.charge);
    expect(settled.events).toEqual([
      { type: 'charge.refund.updated', object: settled.refund, previous: { status: 'pending' } },
      { type: 'refund.updated', object: settled.refund, previous: { status: 'pending' } },
    ]);
  });

  it('fails a succeeded refund with its reason and gives its amount back to the charge', () => {
    const created = refund(paidWith('pm_card_refundFail'), { metadata: {} }, failing, ctx);
    expect(created.refund.status).toBe('succeeded');
    expect(created.refund.failure_reason).toBeUndefined();
    const failed = settleRefund(created.refund, created.charge, failing.later ?? { status: 'succeeded' });
    expect(failed.refund).toEqual({
      ...created.refund,
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    expect(failed.charge).toMatchObject({ amount_refunded: 0, refunded: false, status: 'succeeded' });
    const previous = { status: 'succeeded' };
    expect(failed.events).toEqual([
      { type: 'charge.refund.updated', object: failed.refund, previous },
      { type: 'refund.updated', object: failed.refund, previous },
      { type: 'refund.failed', object: failed.refund, previous },
    ]);
    // The money is back on the charge: it can be refunded again.
    expect(refund(failed.charge, { metadata: {} }, failing, ctx).refund.amount).toBe(1000);
  });

  it('gives back only the failed part of a partly refunded charge', () => {
    const first = refund(paidWith('pm_card_refundFail'), { amount: 400, metadata: {} }, failing, ctx);
    const second = refund(first.charge, { amount: 600, metadata: {} }, failing, ctx);
    const failed = settleRefund(first.refund, second.charge, { status: 'failed', failureReason: 'unknown' });
    expect(failed.charge).toMatchObject({ amount_refunded: 600, refunded: false });
  });

  it.each(['failed', 'canceled'])('refuses to settle a %s refund again', (status) => {
    const created = refund(paidWith('pm_card_refundFail'), { metadata: {} }, failing, ctx);
    expect(() =>
      settleRefund({ ...created.refund, status }, created.charge, { status: 'succeeded' }),
    ).toThrow(/already ended/);
  });
});
