import { z } from 'zod';
import { derivedId } from '#platform/idempotency/derive.ts';
import { expectedPaymentSchema, mismatchReason } from './match.ts';

/**
 * Where the refund of a mismatching payment is: `requested` (recorded, Stripe not yet answered: the
 * webhook's redelivery asks again under the same Stripe idempotency key), `issued` (Stripe accepted it),
 * `failed` (Stripe refused it: a person must look).
 */
export const mismatchRefundStatus = z.enum(['requested', 'issued', 'failed']);

/**
 * A succeeded payment that named an order but was not its payment (another intent, amount or currency):
 * kept for the back office beside the order's refunds, one per PaymentIntent, with the refund that sent
 * the money back.
 */
export const paymentMismatchSchema = z
  .object({
    orderId: z.string().max(64),
    paymentIntentId: z.string().max(255),
    /** The Stripe event that reported the payment first. */
    eventId: z.string().max(255),
    amount: z.number().int().nonnegative(),
    currency: z.string().length(3),
    reasons: z.array(mismatchReason).min(1),
    expected: expectedPaymentSchema,
    recordedAt: z.iso.datetime(),
    refund: z.object({
      status: mismatchRefundStatus,
      providerRefundId: z.string().max(255).nullable(),
      failureReason: z.string().max(200).nullable(),
    }),
  })
  .meta({ id: 'PaymentMismatch' });
export type PaymentMismatch = z.infer<typeof paymentMismatchSchema>;

/**
 * The refund key of a mismatching payment: one per PaymentIntent, so Stripe answers a second request
 * (a redelivered event, a retried webhook) with the first refund. Distinct from the checkout's own
 * refund key, since an order may meet several foreign intents.
 */
export const mismatchRefundKey = (paymentIntentId: string): string =>
  derivedId('mm', 'mismatch-refund', [paymentIntentId], 27);
