import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import {
  type ExpectedPayment,
  expectedPaymentOf,
  isOrdersOwn,
  type MismatchReason,
  mismatchesOf,
} from '../domain/match.ts';
import type { PaymentResult } from '../domain/result.ts';

/**
 * Whose payment a Stripe result is: the order's own (it may decide the checkout), a success that is not
 * the order's (`mismatch`: recorded and refunded, never completes it), another intent's decline, cancel or
 * refund (`foreign`: says nothing about the order), or about no order of ours (`unknown_order`: left to
 * the usual recording, as before orders were checked — e.g. another deployment's on a shared account).
 */
export type Screened =
  | { readonly kind: 'own' | 'foreign'; readonly expected: ExpectedPayment }
  | {
      readonly kind: 'mismatch';
      readonly expected: ExpectedPayment;
      readonly reasons: readonly MismatchReason[];
    }
  | { readonly kind: 'unknown_order' };

/** Reads the order a result names and tells whose payment it is (1 Query, strongly consistent). */
export const screenPaymentResult = async (
  orders: Pick<OrderRepository, 'get'>,
  result: PaymentResult,
): Promise<Screened> => {
  const order = await orders.get(result.orderId);
  if (!order) return { kind: 'unknown_order' };
  const expected = expectedPaymentOf(order);
  if (isOrdersOwn(expected, result)) return { kind: 'own', expected };
  if (result.outcome !== 'succeeded') return { kind: 'foreign', expected };
  return { kind: 'mismatch', expected, reasons: mismatchesOf(expected, result) };
};
