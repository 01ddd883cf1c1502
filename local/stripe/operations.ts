import { displayAmount, MINIMUM_CHARGES } from './amounts.ts';
import { type Caller, secretKeyRequired } from './auth.ts';
import { invalidRequest, StripeApiError, unexpectedState } from './errors.ts';
import type { FormObject } from './form.ts';
import { newId, randomToken } from './ids.ts';
import type { ChargeObject, Emission, PaymentIntentObject } from './objects.ts';
import {
  type CreateIntentParams,
  cancelIntentParams,
  confirmIntentParams,
  createIntentParams,
  createRefundParams,
  parseParams,
  retrieveParams,
} from './params.ts';
import { type RefundSettlement, refundCourse, testPaymentMethod } from './payment-methods.ts';
import { cancel, confirm, refund, type Transition } from './state-machine.ts';
import { find, type Store } from './store.ts';

/** Everything one API call works with; `emit` queues a webhook event for after the response. */
export interface OperationContext {
  readonly caller: Caller;
  readonly form: FormObject;
  /** The `:id` of the path, when the route has one. */
  readonly id: string;
  readonly store: Store;
  readonly now: number;
  emit(emission: Emission, orderingKey: string): void;
  /** Settles the refund with this outcome after the response, some time later as Stripe does. */
  settleLater(refundId: string, outcome: RefundSettlement): void;
}

export type Operation = (ctx: OperationContext) => unknown;

const transitionContext = (ctx: OperationContext) => ({ now: ctx.now, newId });

const secretOnly = (ctx: OperationContext) => {
  if (ctx.caller !== 'secret') throw secretKeyRequired();
};

/** Stripe.js may act on one intent with the publishable key, proving it with the client secret. */
const checkClientSecret = (
  ctx: OperationContext,
  intent: PaymentIntentObject,
  secret: string | undefined,
) => {
  if (secret === undefined) {
    if (ctx.caller === 'publishable') throw secretKeyRequired();
    return;
  }
  if (secret !== intent.client_secret)
    throw invalidRequest(
      'payment_intent_invalid_parameter',
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      'client_secret',
    );
};

const apply = (ctx: OperationContext, transition: Transition): PaymentIntentObject => {
  ctx.store.intents.set(transition.intent.id, transition.intent);
  if (transition.charge) ctx.store.charges.set(transition.charge.id, transition.charge);
  if (transition.event) ctx.emit({ type: transition.event, object: transition.intent }, transition.intent.id);
  if (transition.declined) throw new StripeApiError(402, transition.declined);
  return transition.intent;
};

/** The explicit list of method types, refusing more than one way of choosing them (as Stripe does). */
const explicitTypes = (params: CreateIntentParams): string[] | undefined => {
  const given = (
    ['allowed_payment_method_types', 'payment_method_types', 'automatic_payment_methods'] as const
  ).filter((name) => params[name] !== undefined);
  if (given.length > 1)
    throw invalidRequest(
      'parameters_exclusive',
      `You may only specify one of these parameters: ${given.join(', ')}.`,
      given[1],
      true,
    );
  return params.allowed_payment_method_types ?? params.payment_method_types;
};

/**
 * Stripe refuses an intent below its minimum charge for the currency (400 `amount_too_small`, param
 * `amount`), before executing: nothing is saved under the idempotency key, as for any invalid param.
 */
const refuseBelowMinimum = (amount: number, currency: string) => {
  const minimum = MINIMUM_CHARGES[currency];
  if (minimum !== undefined && amount < minimum)
    throw invalidRequest(
      'amount_too_small',
      `Amount must be at least ${displayAmount(minimum, currency)} ${currency}`,
      'amount',
      true,
    );
};

export const createPaymentIntent: Operation = (ctx) => {
  secretOnly(ctx);
  const params = parseParams(createIntentParams, ctx.form);
  refuseBelowMinimum(params.amount, params.currency);
  const types = explicitTypes(params);
  const automatic = params.automatic_payment_methods;
  const id = newId('pi');
  const intent: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: types ?? null,
    amount: params.amount,
    amount_capturable: 0,
    amount_received: 0,
    // Stripe enables automatic payment methods unless explicit types are given.
    automatic_payment_methods: types
      ? null
      : {
          enabled: automatic?.enabled ?? true,
          ...(automatic?.allow_redirects ? { allow_redirects: automatic.allow_redirects } : {}),
        },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: params.capture_method ?? 'automatic_async',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: ctx.now,
    currency: params.currency,
    customer: null,
    description: params.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: params.metadata ?? {},
    next_action: null,
    payment_method: null,
    payment_method_types: types ?? ['card'],
    receipt_email: null,
    status: 'requires_payment_method',
  };
  ctx.store.intents.set(id, intent);
  return intent;
};

export const retrievePaymentIntent: Operation = (ctx) => {
  const params = parseParams(retrieveParams, ctx.form);
  const intent = find(ctx.store.intents, ctx.id, 'payment_intent', 'intent');
  checkClientSecret(ctx, intent, params.client_secret);
  return intent;
};

export const confirmPaymentIntent: Operation = (ctx) => {
  const params = parseParams(confirmIntentParams, ctx.form);
  const intent = find(ctx.store.intents, ctx.id, 'payment_intent', 'intent');
  checkClientSecret(ctx, intent, params.client_secret);
  const paymentMethod = params.payment_method ?? intent.payment_method;
  if (typeof paymentMethod !== 'string')
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.",
    );
  const card = testPaymentMethod(paymentMethod);
  if (!card)
    throw invalidRequest('resource_missing', `No such PaymentMethod: '${paymentMethod}'`, 'payment_method');
  return apply(ctx, confirm(intent, paymentMethod, card, transitionContext(ctx)));
};

export const cancelPaymentIntent: Operation = (ctx) => {
  secretOnly(ctx);
  const params = parseParams(cancelIntentParams, ctx.form);
  const intent = find(ctx.store.intents, ctx.id, 'payment_intent', 'intent');
  return apply(ctx, cancel(intent, params.cancellation_reason ?? null, transitionContext(ctx)));
};

/** The charge a refund applies to: given directly, or the intent's successful one. */
const chargeToRefund = (ctx: OperationContext, paymentIntent?: string, charge?: string): ChargeObject => {
  if (charge) return find(ctx.store.charges, charge, 'charge', 'charge');
  if (!paymentIntent)
    throw invalidRequest(
      'parameter_missing',
      'One of the following params should be provided for this request: payment_intent or charge.',
      'payment_intent',
      true,
    );
  const intent = find(ctx.store.intents, paymentIntent, 'payment_intent', 'payment_intent');
  if (intent.status !== 'succeeded' || typeof intent.latest_charge !== 'string')
    throw unexpectedState(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`);
  return find(ctx.store.charges, intent.latest_charge, 'charge', 'payment_intent');
};

export const createRefund: Operation = (ctx) => {
  secretOnly(ctx);
  const params = parseParams(createRefundParams, ctx.form);
  if (params.payment_intent && params.charge)
    throw invalidRequest(
      'parameters_exclusive',
      'You may only specify one of these parameters: charge, payment_intent.',
      'charge',
      true,
    );
  const charge = chargeToRefund(ctx, params.payment_intent, params.charge);
  const course = refundCourse(charge.payment_method);
  const result = refund(
    charge,
    { amount: params.amount, reason: params.reason, metadata: params.metadata ?? {} },
    course,
    transitionContext(ctx),
  );
  ctx.store.charges.set(result.charge.id, result.charge);
  ctx.store.refunds.set(result.refund.id, result.refund);
  // Keyed by intent, so a refund's events reach the endpoint after the payment's own.
  for (const emission of result.events) ctx.emit(emission, String(result.charge.payment_intent));
  if (course.later) ctx.settleLater(result.refund.id, course.later);
  return result.refund;
};

/** A charge as Stripe shows it: `amount_refunded` and `refunded` follow its refunds. */
export const retrieveCharge: Operation = (ctx) => {
  secretOnly(ctx);
  parseParams(retrieveParams.omit({ client_secret: true }), ctx.form);
  return find(ctx.store.charges, ctx.id, 'charge', 'id');
};

export const retrieveRefund: Operation = (ctx) => {
  secretOnly(ctx);
  parseParams(retrieveParams.omit({ client_secret: true }), ctx.form);
  return find(ctx.store.refunds, ctx.id, 'refund', 'refund');
};
