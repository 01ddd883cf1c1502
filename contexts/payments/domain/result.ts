import { z } from 'zod';
import { paymentOrderId } from './gateway.ts';

/** What became of an order's payment, as Stripe's events tell it. */
export const paymentOutcome = z.enum(['succeeded', 'failed', 'canceled', 'refunded']);
export type PaymentOutcome = z.infer<typeof paymentOutcome>;

/** The latest payment outcome of an order: the item the checkout saga's wait step reads. */
export const paymentResultSchema = z.object({
  orderId: paymentOrderId,
  outcome: paymentOutcome,
  paymentIntentId: z.string().max(255),
  /** The Stripe event that reported it (`evt_…`), its type and its `created` (epoch seconds). */
  eventId: z.string().max(255),
  eventType: z.string().max(100),
  eventCreated: z.number().int().nonnegative(),
  recordedAt: z.iso.datetime(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  /** `refunded` only: how much of the charge has been refunded so far. */
  amountRefunded: z.number().int().nonnegative().optional(),
  /** `failed` only: Stripe's error code and decline code, and its message for the shopper. */
  failure: z
    .object({
      code: z.string().max(100).optional(),
      declineCode: z.string().max(100).optional(),
      message: z.string().max(1000).optional(),
    })
    .optional(),
});
export type PaymentResult = z.infer<typeof paymentResultSchema>;

/**
 * Which recorded outcomes a new one may replace. Webhooks arrive out of order and more than once, so a
 * late `failed` must not undo a `succeeded`: a decline can be followed by a success (the shopper tries
 * another card) or a cancel (the saga gives up), a success only by a refund; `canceled` is final.
 */
export const REPLACEABLE: Readonly<Record<PaymentOutcome, readonly PaymentOutcome[]>> = {
  succeeded: ['failed'],
  failed: ['failed'],
  canceled: ['failed'],
  refunded: ['succeeded', 'refunded'],
};
