import type Stripe from 'stripe';
import { displayAmount } from './amounts.ts';
import { previousAttributes } from './changes.ts';
import { invalidRequest, type StripeErrorBody, unexpectedState } from './errors.ts';
import type {
  ChargeObject,
  Emission,
  IntentEventType,
  PaymentIntentObject,
  RefundObject,
} from './objects.ts';
import type { CardBehaviour, RefundCourse, RefundSettlement } from './payment-methods.ts';

/** What a transition needs from outside: the clock and new ids (injected so it stays pure). */
export interface TransitionContext {
  readonly now: number;
  readonly newId: (prefix: string) => string;
}

/** A transition's result: the new intent, the charge it created or changed, the event it causes. */
export interface Transition {
  readonly intent: PaymentIntentObject;
  readonly charge?: ChargeObject;
  readonly event?: IntentEventType;
  /** Set when the card was declined: the API answers 402 with this body (the state still changed). */
  readonly declined?: StripeErrorBody;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE = [...CONFIRMABLE, 'requires_capture', 'processing'];

const newCharge = (
  intent: PaymentIntentObject,
  paymentMethod: string,
  ctx: TransitionContext,
  failure?: { code: string; message: string },
): ChargeObject => ({
  id: ctx.newId('ch'),
  object: 'charge',
  amount: intent.amount,
  amount_captured: failure ? 0 : intent.amount,
  amount_refunded: 0,
  captured: !failure,
  created: ctx.now,
  currency: intent.currency,
  description: intent.description,
  failure_code: failure?.code ?? null,
  failure_message: failure?.message ?? null,
  livemode: false,
  metadata: intent.metadata,
  paid: !failure,
  payment_intent: intent.id,
  payment_method: paymentMethod,
  refunded: false,
  status: failure ? 'failed' : 'succeeded',
});

const succeed = (intent: PaymentIntentObject, paymentMethod: string, ctx: TransitionContext): Transition => {
  const charge = newCharge(intent, paymentMethod, ctx);
  return {
    intent: {
      ...intent,
      status: 'succeeded',
      amount_received: intent.amount,
      payment_method: paymentMethod,
      latest_charge: charge.id,
      last_payment_error: null,
      next_action: null,
    },
    charge,
    event: 'payment_intent.succeeded',
  };
};

const decline = (
  intent: PaymentIntentObject,
  paymentMethod: string,
  card: Extract<CardBehaviour, { kind: 'decline' }>,
  ctx: TransitionContext,
): Transition => {
  const charge = newCharge(intent, paymentMethod, ctx, { code: 'card_declined', message: card.message });
  const error: Stripe.PaymentIntent.LastPaymentError = {
    type: 'card_error',
    code: 'card_declined',
    decline_code: card.declineCode,
    message: card.message,
    charge: charge.id,
    payment_method_type: 'card',
    doc_url: 'https://docs.stripe.com/error-codes/card-declined',
  };
  // Stripe detaches the declined method so the customer can try another one.
  const after: PaymentIntentObject = {
    ...intent,
    status: 'requires_payment_method',
    payment_method: null,
    latest_charge: charge.id,
    last_payment_error: error,
    next_action: null,
  };
  return {
    intent: after,
    charge,
    event: 'payment_intent.payment_failed',
    declined: {
      ...error,
      type: 'card_error',
      message: card.message,
      payment_intent: after,
      charge: charge.id,
    },
  };
};

const requireAction = (
  intent: PaymentIntentObject,
  paymentMethod: string,
  ctx: TransitionContext,
): Transition => ({
  intent: {
    ...intent,
    status: 'requires_action',
    payment_method: paymentMethod,
    last_payment_error: null,
    // Stripe.js reads this to run the 3-D Secure challenge; locally a second confirm stands for it.
    next_action: {
      type: 'use_stripe_sdk',
      use_stripe_sdk: { type: 'three_d_secure_redirect', source: ctx.newId('src'), stripe_js: '' },
    },
  },
  event: 'payment_intent.requires_action',
});

/**
 * Confirms with a payment method (already resolved to its test behaviour). Confirming a
 * requires_action intent again with the same method stands for the customer passing 3-D Secure.
 */
export const confirm = (
  intent: PaymentIntentObject,
  paymentMethod: string,
  card: CardBehaviour,
  ctx: TransitionContext,
): Transition => {
  if (intent.status === 'succeeded')
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  if (!CONFIRMABLE.includes(intent.status))
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  if (intent.status === 'requires_action' && intent.payment_method === paymentMethod)
    return succeed(intent, paymentMethod, ctx);
  if (card.kind === 'decline') return decline(intent, paymentMethod, card, ctx);
  if (card.kind === 'authenticate') return requireAction(intent, paymentMethod, ctx);
  return succeed(intent, paymentMethod, ctx);
};

/** Cancels an intent that has not reached a terminal status. */
export const cancel = (
  intent: PaymentIntentObject,
  reason: PaymentIntentObject['cancellation_reason'],
  ctx: TransitionContext,
): Transition => {
  if (!CANCELABLE.includes(intent.status))
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
    );
  return {
    intent: {
      ...intent,
      status: 'canceled',
      canceled_at: ctx.now,
      cancellation_reason: reason,
      next_action: null,
    },
    event: 'payment_intent.canceled',
  };
};

/** A refund, the charge it changed and the events the change causes, in the order Stripe sends them. */
export interface RefundTransition {
  readonly refund: RefundObject;
  readonly charge: ChargeObject;
  readonly events: readonly Emission[];
}

/**
 * Refunds part or all of what is left on a succeeded charge; never more than that. The refund starts
 * as its card's course says; a `pending` one already counts in the charge's `amount_refunded`, so
 * it cannot be refunded twice.
 */
export const refund = (
  charge: ChargeObject,
  request: {
    amount?: number | undefined;
    reason?: RefundObject['reason'] | undefined;
    metadata: Record<string, string>;
  },
  course: RefundCourse,
  ctx: TransitionContext,
): RefundTransition => {
  if (charge.status !== 'succeeded')
    throw invalidRequest(
      'charge_not_refundable',
      `Charge ${charge.id} has not succeeded, so there is nothing to refund.`,
      'payment_intent',
    );
  if (charge.refunded)
    throw invalidRequest('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
  const remaining = charge.amount - charge.amount_refunded;
  const amount = request.amount ?? remaining;
  // Stripe gives this refusal no error code (`amount_too_large` is its limit on any amount), only
  // the parameter, and writes both amounts as money.
  if (amount > remaining)
    throw invalidRequest(
      undefined,
      `Refund amount (${displayAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${displayAmount(remaining, charge.currency)})`,
      'amount',
    );
  const created: RefundObject = {
    id: ctx.newId('re'),
    object: 'refund',
    amount,
    charge: charge.id,
    created: ctx.now,
    currency: charge.currency,
    metadata: request.metadata,
    payment_intent: charge.payment_intent,
    reason: request.reason ?? null,
    status: course.created,
  };
  const refunded = charge.amount_refunded + amount;
  const after = { ...charge, amount_refunded: refunded, refunded: refunded === charge.amount };
  return {
    refund: created,
    charge: after,
    // `refund.created` describes the refund; `charge.refunded` (partial refunds included) the charge.
    events: [
      { type: 'refund.created', object: created },
      { type: 'charge.refunded', object: after, previous: previousAttributes(charge, after) },
    ],
  };
};

/**
 * Ends a refund the way its card's course says, some time after it was created: `pending` →
 * `succeeded`, or `succeeded` → `failed` with a `failure_reason`. A failed refund gives its amount back
 * to the charge (Stripe returns the money to the balance), so the charge can be refunded again.
 * Stripe announces the change with `charge.refund.updated` and `refund.updated`, and a failure also
 * with `refund.failed`; no charge event is sent (Stripe documents none for the given-back amount).
 */
export const settleRefund = (
  refund: RefundObject,
  charge: ChargeObject,
  outcome: RefundSettlement,
): RefundTransition => {
  if (refund.status !== 'pending' && refund.status !== 'succeeded')
    throw new Error(`Refund ${refund.id} has already ended (${refund.status}).`);
  const after: RefundObject =
    outcome.status === 'failed'
      ? { ...refund, status: 'failed', failure_reason: outcome.failureReason }
      : { ...refund, status: 'succeeded' };
  const previous = previousAttributes(refund, after);
  const refunded = charge.amount_refunded - (outcome.status === 'failed' ? refund.amount : 0);
  return {
    refund: after,
    charge: { ...charge, amount_refunded: refunded, refunded: refunded === charge.amount },
    events: [
      { type: 'charge.refund.updated', object: after, previous },
      { type: 'refund.updated', object: after, previous },
      ...(outcome.status === 'failed' ? [{ type: 'refund.failed', object: after, previous } as const] : []),
    ],
  };
};
