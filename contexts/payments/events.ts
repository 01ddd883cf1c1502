import { z } from 'zod';
import { currencyCode } from '#platform/money/currencies.ts';
import { amountSchema } from '#platform/money/schema.ts';
import { expectedPaymentSchema, mismatchReason } from './domain/match.ts';
import type { PaymentMismatch } from './domain/mismatch.ts';
import { type Refund, refundReason } from './domain/refunds.ts';

/** The bus source of the payments' own events (refunds; a payment's success is the order's event). */
export const PAYMENTS_SOURCE = 'commerce.payments' as const;

const refundFields = {
  refundId: z.string().max(64),
  orderId: z.string().max(64),
  amount: amountSchema,
  currency: currencyCode,
  reason: refundReason,
  providerRefundId: z.string().max(255).nullable(),
};

/** `RefundIssued`: Stripe accepted a refund of (part of) an order's payment; the money is on its way back. */
export const refundIssuedData = z.object({ ...refundFields, status: z.enum(['pending', 'succeeded']) });

/** `RefundFailed`: a refund Stripe had accepted failed; its amount is refundable again. */
export const refundFailedData = z.object({
  ...refundFields,
  failureReason: z.string().max(100).nullable(),
});

const common = (r: Refund) => ({
  refundId: r.id,
  orderId: r.orderId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason,
  providerRefundId: r.providerRefundId,
});

/** `RefundIssued` data of an issued refund. */
export const refundIssued = (r: Refund): z.infer<typeof refundIssuedData> => ({
  ...common(r),
  status: r.status === 'succeeded' ? 'succeeded' : 'pending',
});

/** `RefundFailed` data of a failed refund. */
export const refundFailed = (r: Refund): z.infer<typeof refundFailedData> => ({
  ...common(r),
  failureReason: r.failureReason,
});

/**
 * `PaymentMismatch`: Stripe reported a succeeded payment naming an order that was not the order's own
 * (another PaymentIntent, amount or currency). It never completes the order and is refunded; ops alarm on
 * it (a bug, a second integration on the same Stripe account, or tampering).
 */
export const paymentMismatchData = z.object({
  orderId: z.string().max(64),
  paymentIntentId: z.string().max(255),
  eventId: z.string().max(255),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  reasons: z.array(mismatchReason).min(1),
  expected: expectedPaymentSchema,
});

/** `PaymentMismatch` data of a recorded mismatch. */
export const paymentMismatch = (m: PaymentMismatch): z.infer<typeof paymentMismatchData> => ({
  orderId: m.orderId,
  paymentIntentId: m.paymentIntentId,
  eventId: m.eventId,
  amount: m.amount,
  currency: m.currency,
  reasons: m.reasons,
  expected: m.expected,
});

/** The payments' events as the events catalog lists them. */
export const paymentEvents = [
  { source: PAYMENTS_SOURCE, detailType: 'RefundIssued', schema: refundIssuedData },
  { source: PAYMENTS_SOURCE, detailType: 'RefundFailed', schema: refundFailedData },
  { source: PAYMENTS_SOURCE, detailType: 'PaymentMismatch', schema: paymentMismatchData },
] as const;
