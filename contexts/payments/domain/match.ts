import { z } from 'zod';
import type { PaymentResult } from './result.ts';

/** Why a payment is not the order's: another PaymentIntent, another amount, another currency. */
export const mismatchReason = z.enum(['payment_intent', 'amount', 'currency']);
export type MismatchReason = z.infer<typeof mismatchReason>;

/**
 * What an order expects to be paid: its own PaymentIntent (recorded when the checkout opened it; absent
 * before), its grand total in minor units and its currency (upper case).
 */
export const expectedPaymentSchema = z.object({
  paymentIntentId: z.string().max(255).nullable(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
});
export type ExpectedPayment = z.infer<typeof expectedPaymentSchema>;

/** The expectation of an order, from the fields every order has. */
export const expectedPaymentOf = (order: {
  readonly currency: string;
  readonly totals: { readonly grandTotal: number };
  readonly payment: { readonly paymentIntentId?: string | undefined };
}): ExpectedPayment => ({
  paymentIntentId: order.payment.paymentIntentId ?? null,
  amount: order.totals.grandTotal,
  currency: order.currency.toUpperCase(),
});

/**
 * Every way a reported payment differs from what its order expects (none: it is the order's payment).
 * An order with no recorded intent expects none: its shopper has not been given a client secret yet, so
 * no payment can be theirs.
 */
export const mismatchesOf = (
  expected: ExpectedPayment,
  paid: Pick<PaymentResult, 'paymentIntentId' | 'amount' | 'currency'>,
): MismatchReason[] => [
  ...(expected.paymentIntentId === paid.paymentIntentId ? [] : (['payment_intent'] as const)),
  ...(expected.amount === paid.amount ? [] : (['amount'] as const)),
  ...(expected.currency === paid.currency.toUpperCase() ? [] : (['currency'] as const)),
];

/**
 * Whether a result may decide the order's checkout or payment: a success only when it matches the order
 * in intent, amount and currency; a decline, cancel or refund only when it is about the order's own
 * intent (someone else's failed or refunded intent says nothing about this order's payment).
 */
export const isOrdersOwn = (expected: ExpectedPayment, result: PaymentResult): boolean =>
  result.outcome === 'succeeded'
    ? mismatchesOf(expected, result).length === 0
    : expected.paymentIntentId === result.paymentIntentId;
