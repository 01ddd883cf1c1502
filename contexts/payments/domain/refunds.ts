import { z } from 'zod';
import { derivedId } from '#platform/idempotency/derive.ts';
import { subtractAmounts, sumAmounts } from '#platform/money/arithmetic.ts';
import { currencyCode } from '#platform/money/currencies.ts';
import { amountSchema } from '#platform/money/schema.ts';
import { multilineText } from '#platform/text/schema.ts';
import { paymentMismatchSchema } from './mismatch.ts';

/*
 * Refunds of an order's payment (pure). The amounts are the order's currency in minor units; a refund
 * never takes more than what is left of the captured amount once every refund that did not fail is
 * counted (Stripe refuses the same, but it is checked here first, against the backend's own record).
 */

/** Why money goes back, as Stripe names it (`other`: none of those). */
export const refundReason = z.enum(['requested_by_customer', 'duplicate', 'fraudulent', 'other']);
export type RefundReason = z.infer<typeof refundReason>;

/** What the back office asks: an amount (all that is left when absent), why, and a note for people. */
export const refundRequest = z
  .strictObject({
    amount: z
      .number()
      .int()
      .min(1)
      .max(99_999_999)
      .optional()
      .meta({ description: 'Minor units of the order’s currency; all that is left to refund when absent' }),
    reason: refundReason.default('requested_by_customer'),
    note: multilineText()
      .trim()
      .max(500)
      .optional()
      .meta({ description: 'For people; never sent to Stripe' }),
  })
  .meta({ id: 'RefundRequest' });
export type RefundRequest = z.infer<typeof refundRequest>;

/**
 * Where a refund is: `requested` (recorded, its amount counted, Stripe not yet answered: a retry of the
 * request with the same Idempotency-Key asks Stripe again, under the same Stripe idempotency key),
 * `pending` or `succeeded` as Stripe answered, `failed` when Stripe reports it failed (its amount is
 * refundable again).
 */
export const refundStatus = z.enum(['requested', 'pending', 'succeeded', 'failed']);
export type RefundStatus = z.infer<typeof refundStatus>;

/** A refund as stored and answered. */
export const refundSchema = z
  .object({
    id: z.string().max(64),
    orderId: z.string().max(64),
    amount: amountSchema,
    currency: currencyCode,
    reason: refundReason,
    note: z.string().max(500).nullable(),
    status: refundStatus,
    /** Stripe's refund id (`re_…`), once Stripe has answered. */
    providerRefundId: z.string().max(255).nullable(),
    /** Stripe's `failure_reason` when it failed. */
    failureReason: z.string().max(100).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof refundSchema>;

/** An order's refunds and what is left to refund. */
export const refundListSchema = z
  .object({
    orderId: z.string().max(64),
    currency: currencyCode,
    /** What the customer paid (the order's grand total, captured in full). */
    captured: amountSchema,
    /** Refunded or on its way back: every refund that did not fail. */
    refunded: amountSchema,
    refundable: amountSchema,
    items: z.array(refundSchema),
    /**
     * Succeeded payments that named the order but were not its payment (another PaymentIntent, amount or
     * currency), each refunded in full: not counted above (they were never the order's money).
     */
    mismatches: z.array(paymentMismatchSchema),
  })
  .meta({ id: 'RefundList' });
export type RefundList = z.infer<typeof refundListSchema>;

/**
 * A refund's id: derived from the order and the request's Idempotency-Key, so a retried request names
 * the same refund (and so the same Stripe idempotency key) without a lookup table.
 */
export const refundIdFor = (orderId: string, idempotencyKey: string): string =>
  derivedId('rf', 'refund', [orderId, idempotencyKey], 27);

/** The amount counted against the payment: every refund that has not failed. */
export const refundedTotal = (refunds: readonly Pick<Refund, 'amount' | 'status'>[]): number =>
  sumAmounts(refunds.filter((r) => r.status !== 'failed').map((r) => r.amount));

/** What is left to refund of `captured` after `refunds`. */
export const refundableOf = (
  captured: number,
  refunds: readonly Pick<Refund, 'amount' | 'status'>[],
): number => Math.max(0, subtractAmounts(captured, Math.min(captured, refundedTotal(refunds))));

/** Whether refunds that did not fail add up to the whole captured amount. */
export const isFullyRefunded = (captured: number, refunds: readonly Pick<Refund, 'amount' | 'status'>[]) =>
  captured > 0 && refundedTotal(refunds) >= captured;

/** A later status Stripe reports for a refund this backend made (`metadata.refundId` names its record). */
export interface RefundUpdate {
  readonly orderId: string;
  readonly refundId: string;
  readonly providerRefundId: string;
  readonly status: string;
  readonly failureReason: string | null;
}
