import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import { MAX_CHARGE } from './charge-limits.ts';

/** An order id as payments carry it (Stripe metadata values and idempotency keys include it). */
export const paymentOrderId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A Stripe PaymentIntent id (`pi_…`). */
export const paymentIntentId = z
  .string()
  .min(4)
  .max(255)
  .regex(/^pi_[A-Za-z0-9_]+$/);

/**
 * What a checkout asks to be paid: the order's server-computed total in minor units, within Stripe's
 * limits (`charge-limits.ts`; checkout refuses a total outside them before placing the order, so this
 * parse failing is a defect, not a shopper's mistake). No e-mail: the order confirmation is this backend's
 * own notification, so a Stripe receipt would be a second one.
 */
export const createIntentInput = z.strictObject({
  orderId: paymentOrderId,
  amount: z.number().int().min(1).max(MAX_CHARGE),
  currency: currencyCode,
});
export type CreateIntentInput = z.infer<typeof createIntentInput>;

/** A refund of all (no amount) or part of an order's payment; `refundKey` names this refund request. */
export const refundInput = z.strictObject({
  orderId: paymentOrderId,
  paymentIntentId,
  amount: z.number().int().min(1).max(MAX_CHARGE).optional(),
  refundKey: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type RefundInput = z.infer<typeof refundInput>;

/** Stripe's PaymentIntent statuses. */
export const intentStatus = z.enum([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
]);
export type IntentStatus = z.infer<typeof intentStatus>;

/** A PaymentIntent as the backend sees it; `clientSecret` goes to the storefront for Stripe.js only. */
export interface PaymentIntentView {
  readonly paymentIntentId: string;
  readonly clientSecret: string;
  readonly status: IntentStatus;
  readonly amount: number;
  /** ISO 4217, upper case as everywhere in this backend. */
  readonly currency: string;
  /** `metadata.orderId`, when the intent was created for an order. */
  readonly orderId?: string;
  /** Why the last attempt failed (a decline), when it did. */
  readonly lastError?: { readonly code?: string; readonly declineCode?: string; readonly message?: string };
}

export interface RefundView {
  readonly refundId: string;
  readonly status: string;
  readonly amount: number;
}

/**
 * The payment provider as checkout uses it (port; the Stripe adapter is `../stripe/gateway.ts`). Card data
 * never passes through it: the storefront confirms with the client secret (PCI DSS SAQ-A). Every method
 * raises only the typed errors of errors.ts.
 */
export interface PaymentGateway {
  /** Creates the order's PaymentIntent, once: a repeated call returns the same intent. */
  createIntent(input: CreateIntentInput): Promise<PaymentIntentView>;
  retrieveIntent(paymentIntentId: string): Promise<PaymentIntentView>;
  /** Cancels; an intent already canceled is success, a succeeded one `PaymentAlreadySucceededError`. */
  cancelIntent(paymentIntentId: string): Promise<PaymentIntentView>;
  /** Refunds all or part of a succeeded intent, once per `refundKey`. */
  refund(input: RefundInput): Promise<RefundView>;
}
