import type Stripe from 'stripe';

// The emulated objects are the fields of the SDK's own types that this subset fills in: a field
// Stripe renamed or retyped breaks the build instead of drifting silently.

/** A PaymentIntent as the local Stripe answers it. */
export type PaymentIntentObject = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'allowed_payment_method_types'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'automatic_payment_methods'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'last_payment_error'
  | 'latest_charge'
  | 'livemode'
  | 'metadata'
  | 'next_action'
  | 'payment_method'
  | 'payment_method_types'
  | 'receipt_email'
  | 'status'
>;

/** A Charge: one per payment attempt (failed ones included), as Stripe records them. */
export type ChargeObject = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'captured'
  | 'created'
  | 'currency'
  | 'description'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'paid'
  | 'payment_intent'
  | 'payment_method'
  | 'refunded'
  | 'status'
>;

export type RefundObject = Pick<
  Stripe.Refund,
  | 'id'
  | 'object'
  | 'amount'
  | 'charge'
  | 'created'
  | 'currency'
  | 'metadata'
  | 'payment_intent'
  | 'reason'
  | 'status'
  | 'failure_reason'
>;

/** The event types a PaymentIntent's own transitions cause. */
export type IntentEventType =
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'payment_intent.canceled'
  | 'payment_intent.requires_action';

/** The event types the local Stripe sends. */
export type LocalEventType =
  | IntentEventType
  | 'charge.refunded'
  | 'charge.refund.updated'
  | 'refund.created'
  | 'refund.updated'
  | 'refund.failed';

/** The objects events carry. */
export type LocalObject = PaymentIntentObject | ChargeObject | RefundObject;

/**
 * The object an event type carries, read from the SDK's own event type: `charge.refund.updated`
 * carries a Refund, not a Charge, and a mix-up breaks the build.
 */
export type ObjectOf<T extends LocalEventType> = Extract<
  LocalObject,
  { object: Extract<Stripe.Event, { type: T }>['data']['object']['object'] }
>;

/** One event a change causes: the object after it and, for an update, the fields it had before. */
export type Emission = {
  [T in LocalEventType]: {
    readonly type: T;
    readonly object: ObjectOf<T>;
    readonly previous?: Partial<ObjectOf<T>>;
  };
}[LocalEventType];

/** An Event as Stripe posts it to a webhook endpoint. */
export interface EventObject extends Omit<Stripe.Event, 'type' | 'data'> {
  readonly type: LocalEventType;
  readonly data: { readonly object: LocalObject; readonly previous_attributes?: Partial<LocalObject> };
}

/** Seconds since the epoch, Stripe's timestamp unit. */
export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
